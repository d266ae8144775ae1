# A bank with accounts, transfers, overdraft limits and an audit of the ledger.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot pay {amount}")
        self.account = account
        self.amount = amount


class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("in", amount))

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("out", amount))

    def available(self):
        return self.balance

    def __repr__(self):
        return f"{type_name(self)}({self.owner!r}, {self.balance})"


class CreditAccount(Account):
    def __init__(self, owner, balance=0, limit=100):
        super().__init__(owner, balance)
        self.limit = limit

    def available(self):
        return self.balance + self.limit


def type_name(acct):
    return "Credit" if isinstance(acct, CreditAccount) else "Account"


class Bank:
    def __init__(self):
        self.accounts = {}
        self.failed = 0

    def open(self, account):
        self.accounts[account.owner] = account

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
            self.accounts[dst].deposit(amount)
            return True
        except InsufficientFunds as e:
            print("refused:", e)
        except KeyError as e:
            print("no account", e)
        except ValueError as e:
            print("invalid:", e)
        self.failed += 1
        return False


bank = Bank()
bank.open(Account("ann", 100))
bank.open(CreditAccount("bob", 20, limit=50))
bank.open(Account("cy"))
moves = [("ann", "bob", 30), ("bob", "cy", 90), ("bob", "cy", 20), ("cy", "ann", 0), ("dan", "ann", 5), ("cy", "bob", 95)]
for src, dst, amount in moves:
    ok = bank.transfer(src, dst, amount)
    print(f"{src:>4} -> {dst:<4} {amount:>4}: {'ok' if ok else 'failed'}")
print(sorted(bank.accounts.values(), key=lambda a: a.balance))
total = sum(a.balance for a in bank.accounts.values())
print("total", total, "failed", bank.failed)
for name, acct in bank.accounts.items():
    ins = sum(x for kind, x in acct.history if kind == "in")
    outs = sum(x for kind, x in acct.history if kind == "out")
    print(f"{name}: in {ins}, out {outs}, history {acct.history}")
