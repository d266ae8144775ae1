# A vending machine as a state machine: coins, selections, change making, and errors
# raised and handled at the edges.
class VendingError(Exception):
    pass


class SoldOut(VendingError):
    pass


class NotEnoughMoney(VendingError):
    def __init__(self, price, paid):
        super().__init__(f"price {price}, paid {paid}")
        self.missing = price - paid


COINS = [200, 100, 50, 20, 10, 5]


class Machine:
    def __init__(self, stock):
        self.stock = stock
        self.paid = 0
        self.float = {c: 5 for c in COINS}
        self.sales = []

    def insert(self, coin):
        if coin not in COINS:
            raise VendingError(f"rejected coin {coin}")
        self.paid += coin
        self.float[coin] += 1

    def change(self, amount):
        out = []
        for c in COINS:
            while amount >= c and self.float[c] > 0:
                amount -= c
                self.float[c] -= 1
                out.append(c)
        if amount:
            raise VendingError(f"cannot make change, {amount} short")
        return out

    def select(self, item):
        if item not in self.stock:
            raise KeyError(item)
        price, count = self.stock[item]
        if count == 0:
            raise SoldOut(item)
        if self.paid < price:
            raise NotEnoughMoney(price, self.paid)
        coins = self.change(self.paid - price)
        self.stock[item] = (price, count - 1)
        self.paid = 0
        self.sales.append(item)
        return coins


m = Machine({"cola": (120, 2), "chips": (85, 1), "gum": (35, 0)})
script = [("coin", 100), ("coin", 50), ("select", "cola"), ("coin", 3), ("select", "chips"),
          ("coin", 100), ("select", "chips"), ("select", "gum"), ("coin", 200), ("select", "cola"),
          ("select", "tea"), ("coin", 20), ("select", "chips")]
for action, arg in script:
    try:
        if action == "coin":
            m.insert(arg)
            print(f"inserted {arg:>3}, credit {m.paid}")
        else:
            coins = m.select(arg)
            print(f"sold {arg}, change {coins} = {sum(coins)}")
    except NotEnoughMoney as e:
        print(f"{arg}: not enough money ({e}), {e.missing} missing")
    except SoldOut as e:
        print(f"{arg}: sold out ({e})")
    except VendingError as e:
        print("error:", e)
    except KeyError as e:
        print("unknown item", e)
print("sales:", m.sales, "credit left:", m.paid)
print("float:", m.float, "stock:", m.stock)
