# Employees with inheritance: salaried, hourly and commissioned pay, overrides calling
# super(), a payroll report and validation errors.
class PayrollError(Exception):
    pass


class Employee:
    count = 0

    def __init__(self, name, ident):
        if not name:
            raise PayrollError("an employee needs a name")
        self.name = name
        self.ident = ident

    def pay(self):
        return 0

    def describe(self):
        return f"#{self.ident:03d} {self.name:<8}"

    def __repr__(self):
        return f"Employee({self.name!r})"


class Salaried(Employee):
    def __init__(self, name, ident, yearly):
        super().__init__(name, ident)
        self.yearly = yearly

    def pay(self):
        return round(self.yearly / 12, 2)

    def describe(self):
        return super().describe() + " salaried"


class Hourly(Employee):
    def __init__(self, name, ident, rate, hours):
        super().__init__(name, ident)
        if hours < 0:
            raise PayrollError(f"{name}: negative hours {hours}")
        self.rate = rate
        self.hours = hours

    def pay(self):
        overtime = max(0, self.hours - 160)
        return round(self.rate * (self.hours - overtime) + self.rate * 1.5 * overtime, 2)

    def describe(self):
        return super().describe() + f" hourly {self.hours}h"


class Commissioned(Salaried):
    def __init__(self, name, ident, yearly, sales, rate=0.05):
        super().__init__(name, ident, yearly)
        self.sales = sales
        self.rate = rate

    def pay(self):
        return round(super().pay() + self.sales * self.rate, 2)

    def describe(self):
        return Salaried.describe(self) + f" + {self.rate:.0%} of {self.sales:,}"


staff = []
specs = [("S", "ada", 1, 96000), ("H", "bo", 2, 22.5, 172), ("C", "cy", 3, 48000, 125000),
         ("H", "di", 4, 30.0, -5), ("S", "", 5, 1), ("C", "ed", 6, 60000, 80000, 0.1)]
for spec in specs:
    kind = spec[0]
    try:
        if kind == "S":
            staff.append(Salaried(spec[1], spec[2], spec[3]))
        elif kind == "H":
            staff.append(Hourly(spec[1], spec[2], spec[3], spec[4]))
        elif len(spec) > 5:
            staff.append(Commissioned(spec[1], spec[2], spec[3], spec[4], spec[5]))
        else:
            staff.append(Commissioned(spec[1], spec[2], spec[3], spec[4]))
    except PayrollError as e:
        print("rejected:", e)
total = 0
for e in staff:
    amount = e.pay()
    total += amount
    print(f"{e.describe():<44} {amount:>10,.2f}")
print(f"{'total':<44} {total:>10,.2f}")
print(sorted(staff, key=lambda e: -e.pay()))
print([isinstance(e, Salaried) for e in staff], [hasattr(e, "sales") for e in staff])
