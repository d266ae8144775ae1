# Shapes and a warehouse: classes, inheritance, super(), special methods, user exceptions.
class Shape:
    count = 0
    unit = "cm"

    def __init__(self, name):
        self.name = name
        Shape.count += 1
        self.id = Shape.count

    def area(self):
        raise NotImplementedError("area of an abstract shape")

    def describe(self):
        return f"#{self.id} {self.name} with area {self.area():.2f} {self.unit}^2"

    def __lt__(self, other):
        return self.area() < other.area()

    def __eq__(self, other):
        return isinstance(other, Shape) and self.area() == other.area()

    def __repr__(self):
        return f"{type_name(self)}({self.name!r})"


def type_name(shape):
    if isinstance(shape, Square):
        return "Square"
    if isinstance(shape, Rect):
        return "Rect"
    return "Circle" if isinstance(shape, Circle) else "Shape"


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, name="square")

    def __str__(self):
        return f"Square of side {self.w}"


class Circle(Shape):
    PI = 3.14159

    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return Circle.PI * self.r ** 2


class OutOfStock(LookupError):
    def __init__(self, item, wanted):
        super().__init__(f"{item}: wanted {wanted}")
        self.item = item


class Warehouse:
    def __init__(self):
        self.stock = {}

    def add(self, shape, n=1):
        self.stock[shape.name] = self.stock.get(shape.name, 0) + n
        return self

    def take(self, name, n):
        have = self.stock.get(name, 0)
        if have < n:
            raise OutOfStock(name, n)
        self.stock[name] = have - n

    def __len__(self):
        return sum(self.stock.values())

    def __str__(self):
        return ", ".join(f"{k}={v}" for k, v in sorted(self.stock.items()))


shapes = [Rect(3, 4), Square(2.5), Circle(1), Rect(1, 12, name="strip"), Circle(0.5)]
for s in shapes:
    print(s.describe())
print(shapes)
print(str(shapes[1]), "|", shapes[1], "|", repr(shapes[1]), "|", f"{shapes[2]}")
print("sorted:", [s.name for s in sorted(shapes, key=lambda s: s.area())])
print("biggest:", max(shapes, key=lambda s: s.area()).describe())
print(shapes[0] == shapes[3], shapes[0] != shapes[3], shapes[0] == 12, shapes[4] < shapes[1], shapes[1] > shapes[0])
print(Shape.count, Rect.count, shapes[2].PI, Circle.unit, isinstance(shapes[1], Rect), isinstance(shapes[2], Rect))
shapes[0].unit = "mm"
print(shapes[0].describe(), "/", shapes[3].describe())
w = Warehouse()
w.add(shapes[0], 3).add(shapes[2]).add(shapes[1], 2)
print(len(w), w)
try:
    w.take("rect", 2)
    w.take("circle", 5)
except LookupError as e:
    print("LookupError:", e, "| item:", e.item, "| args:", e.args)
print(len(w), str(w))
try:
    Shape("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    print(shapes[2].w)
except AttributeError as e:
    print("AttributeError:", e)
try:
    Square(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(shapes[2], "r"), getattr(shapes[0], "h"), getattr(shapes[0], "depth", None))
totals = {}
for s in shapes:
    key = type_name(s)
    totals[key] = totals.get(key, 0) + s.area()
print({k: round(v, 3) for k, v in totals.items()})
w.take("square", 3)
