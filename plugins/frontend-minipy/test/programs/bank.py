# A little bank ledger with error handling.
accounts = {}


def open_account(name, initial=0):
    if name in accounts:
        raise ValueError("account exists: " + name)
    accounts[name] = initial


def transfer(src, dst, amount):
    if accounts[src] < amount:
        raise ValueError("insufficient funds")
    accounts[src] -= amount
    accounts[dst] += amount


open_account("ann", 100)
open_account("bob")
for src, dst, amt in [("ann", "bob", 30), ("bob", "ann", 50), ("ann", "carl", 1), ("bob", "ann", 10)]:
    try:
        transfer(src, dst, amt)
        print("ok", src, dst, amt)
    except ValueError as e:
        print("failed:", e)
    except KeyError as e:
        print("no such account", e)
print(accounts)
try:
    open_account("ann")
except ValueError as e:
    print(e)
