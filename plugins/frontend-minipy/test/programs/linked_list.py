# A singly linked list class: push, append, reverse in place, remove, find, len() via
# __len__, printing via __str__, and errors for bad positions.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in values:
            self.append(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def remove(self, value):
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

    def at(self, index):
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("linked list index out of range")
        cur = self.head
        for _ in range(index):
            cur = cur.next
        return cur.value

    def values(self):
        out = []
        cur = self.head
        while cur:
            out.append(cur.value)
            cur = cur.next
        return out

    def __len__(self):
        return self.size

    def __str__(self):
        return " -> ".join(repr(v) for v in self.values()) or "(empty)"


ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll))
ll.push(9)
ll.append("end")
print(ll)
ll.reverse()
print(ll, "| at(0) =", ll.at(0), "at(-1) =", ll.at(-1))
for v in [1, "end", 42]:
    try:
        ll.remove(v)
        print("removed", repr(v), "->", ll)
    except ValueError as e:
        print("ValueError:", e)
for i in [2, 10, -7]:
    try:
        print(f"at({i}) = {ll.at(i)}")
    except IndexError as e:
        print(f"at({i}): {e}")
empty = LinkedList()
print(empty, len(empty), empty.values(), sum(LinkedList(range(10)).values()))
