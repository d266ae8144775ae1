# Breadth-first and depth-first search on a small road map; shortest paths by Dijkstra
# with a hand-written binary heap.
ROADS = [("a", "b", 7), ("a", "c", 9), ("a", "f", 14), ("b", "c", 10), ("b", "d", 15), ("c", "d", 11),
         ("c", "f", 2), ("d", "e", 6), ("e", "f", 9), ("g", "h", 1)]


def build(roads):
    graph = {}
    for u, v, w in roads:
        graph.setdefault(u, []).append((v, w))
        graph.setdefault(v, []).append((u, w))
    for u in graph:
        graph[u].sort()
    return graph


def bfs(graph, start):
    seen = [start]
    queue = [start]
    while queue:
        u = queue.pop(0)
        for v, _ in graph[u]:
            if v not in seen:
                seen.append(v)
                queue.append(v)
    return seen


def dfs(graph, u, seen=None):
    if seen is None:
        seen = []
    seen.append(u)
    for v, _ in graph[u]:
        if v not in seen:
            dfs(graph, v, seen)
    return seen


class Heap:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def push(self, item):
        items = self.items
        items.append(item)
        i = len(items) - 1
        while i > 0 and items[(i - 1) // 2] > items[i]:
            items[i], items[(i - 1) // 2] = items[(i - 1) // 2], items[i]
            i = (i - 1) // 2

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if items:
            items[0] = last
            i = 0
            while True:
                c = 2 * i + 1
                if c >= len(items):
                    break
                if c + 1 < len(items) and items[c + 1] < items[c]:
                    c += 1
                if items[i] <= items[c]:
                    break
                items[i], items[c] = items[c], items[i]
                i = c
        return top


def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    heap = Heap()
    heap.push((0, source))
    while len(heap) > 0:
        d, u = heap.pop()
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return list(reversed(path))


g = build(ROADS)
print("bfs:", bfs(g, "a"))
print("dfs:", dfs(g, "a"))
print("bfs from g:", bfs(g, "g"))
dist, prev = dijkstra(g, "a")
for node in sorted(dist):
    print(f"{node}: {dist[node]:3d} via {' -> '.join(path_to(prev, node))}")
unreachable = [n for n in g if n not in dist]
print("unreachable:", unreachable)
