# A shop inventory: products, restocking, orders that may fail, a report.
class OutOfStock(Exception):
    pass


class Product:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def __str__(self):
        return f"{self.sku} {self.name:<12} {self.price:>8.2f} x{self.qty}"

    def __lt__(self, other):
        return self.price < other.price


class Inventory:
    def __init__(self):
        self.products = {}

    def add(self, product):
        if product.sku in self.products:
            raise KeyError(f"duplicate sku {product.sku}")
        self.products[product.sku] = product

    def order(self, lines):
        for sku, n in lines:
            p = self.products[sku]
            if p.qty < n:
                raise OutOfStock(f"{p.name}: wanted {n}, have {p.qty}")
        total = 0
        for sku, n in lines:
            p = self.products[sku]
            p.qty -= n
            total += p.price * n
        return round(total, 2)

    def value(self):
        return sum(p.price * p.qty for p in self.products.values())


inv = Inventory()
for sku, name, price, qty in [("A1", "widget", 2.5, 100), ("B2", "gadget", 19.99, 5), ("C3", "doohickey", 7.25, 0),
                              ("D4", "gizmo", 105.0, 2)]:
    inv.add(Product(sku, name, price, qty))
try:
    inv.add(Product("A1", "again", 1.0))
except KeyError as e:
    print("error:", e)
orders = [[("A1", 10), ("B2", 1)], [("C3", 1)], [("D4", 2), ("B2", 4)], [("Z9", 1)], [("B2", 1)]]
for i, lines in enumerate(orders):
    try:
        print(f"order {i}: total {inv.order(lines):.2f}")
    except OutOfStock as e:
        print(f"order {i}: out of stock ({e})")
    except KeyError as e:
        print(f"order {i}: unknown product {e}")
for p in sorted(inv.products.values(), key=lambda p: p.price):
    print(p)
print(f"stock value: {inv.value():,.2f}")
cheap = [p.name for p in inv.products.values() if p.price < 10]
print("cheap:", cheap, "empty:", [p.sku for p in inv.products.values() if not p.qty])
