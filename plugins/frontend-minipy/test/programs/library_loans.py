# A lending library: members with borrowing limits (a subclass with a higher limit),
# loans and returns over days, fines, and the errors of a busy desk.
class LibraryError(Exception):
    pass


class LimitReached(LibraryError):
    pass


class Member:
    limit = 2
    fine_per_day = 10

    def __init__(self, name):
        self.name = name
        self.loans = {}
        self.fines = 0

    def can_borrow(self):
        return len(self.loans) < self.limit

    def __repr__(self):
        return f"{self.name}({len(self.loans)}/{self.limit}, fines {self.fines})"


class Staff(Member):
    limit = 5
    fine_per_day = 0


class Library:
    LOAN_DAYS = 14

    def __init__(self, titles):
        self.available = {t: n for t, n in titles}
        self.members = {}
        self.log = []

    def join(self, member):
        self.members[member.name] = member

    def lend(self, name, title, day):
        m = self.members[name]
        if not m.can_borrow():
            raise LimitReached(f"{name} already has {len(m.loans)} books")
        if self.available.get(title, 0) == 0:
            raise LibraryError(f"no copy of {title!r} left")
        self.available[title] -= 1
        m.loans[title] = day
        self.log.append((day, "lend", name, title))

    def give_back(self, name, title, day):
        m = self.members[name]
        if title not in m.loans:
            raise LibraryError(f"{name} did not borrow {title!r}")
        late = max(0, day - m.loans.pop(title) - self.LOAN_DAYS)
        m.fines += late * m.fine_per_day
        self.available[title] += 1
        self.log.append((day, "return", name, title))
        return late


lib = Library([("Dune", 1), ("Emma", 2), ("Ulysses", 1), ("Beloved", 1)])
for m in [Member("ann"), Member("bob"), Staff("cy")]:
    lib.join(m)
events = [(1, "lend", "ann", "Dune"), (1, "lend", "bob", "Dune"), (2, "lend", "ann", "Emma"),
          (3, "lend", "ann", "Ulysses"), (4, "lend", "cy", "Ulysses"), (20, "return", "ann", "Dune"),
          (21, "lend", "bob", "Dune"), (30, "return", "ann", "Emma"), (31, "return", "bob", "Emma"),
          (33, "lend", "dan", "Emma"), (40, "return", "cy", "Ulysses"), (50, "return", "bob", "Dune")]
for day, action, name, title in events:
    try:
        if action == "lend":
            lib.lend(name, title, day)
            print(f"day {day:2d}: {name} borrows {title}")
        else:
            late = lib.give_back(name, title, day)
            print(f"day {day:2d}: {name} returns {title}" + (f", {late} days late" if late else ""))
    except LimitReached as e:
        print(f"day {day:2d}: limit: {e}")
    except LibraryError as e:
        print(f"day {day:2d}: refused: {e}")
    except KeyError as e:
        print(f"day {day:2d}: unknown member {e}")
print(sorted(lib.members.values(), key=lambda m: m.name))
print(lib.available, len(lib.log), "events logged")
print({m.name: m.fines for m in lib.members.values() if m.fines})
