# An LRU cache class over a dict and a recency list, used to memoize a slow function;
# hit and miss statistics and evictions are printed.
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = {}
        self.order = []
        self.hits = 0
        self.misses = 0
        self.evicted = []

    def get(self, key):
        if key in self.data:
            self.hits += 1
            self.order.remove(key)
            self.order.append(key)
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        if key in self.data:
            self.order.remove(key)
        elif len(self.data) >= self.capacity:
            old = self.order.pop(0)
            del self.data[old]
            self.evicted.append(old)
        self.data[key] = value
        self.order.append(key)

    def __len__(self):
        return len(self.data)

    def __str__(self):
        return "LRU[" + ", ".join(f"{k}={self.data[k]}" for k in self.order) + "]"


def slow_square_sum(n):
    return sum(i * i for i in range(n))


cache = LRUCache(3)
for n in [10, 20, 10, 30, 40, 10, 20, 50, 10, 30]:
    value = cache.get(n)
    if value is None:
        value = slow_square_sum(n)
        cache.put(n, value)
    print(f"f({n}) = {value:6d}  {cache}")
print("size", len(cache), "hits", cache.hits, "misses", cache.misses, "evicted", cache.evicted)
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)
memo = LRUCache(100)


def fib(n):
    hit = memo.get(n)
    if hit is not None:
        return hit
    value = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo.put(n, value)
    return value


print(fib(90), memo.hits, memo.misses, len(memo))
