# A recursive-descent calculator: tokens, a parser with precedence and unary minus,
# exact integer arithmetic, and the errors a user would make.
class ParseError(Exception):
    pass


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(("num", int(text[i:j])))
            i = j
        elif ch in "+-*/%()^":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ParseError(f"unexpected {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, op):
        kind, value = self.take()
        if value != op:
            raise ParseError(f"expected {op!r}, got {value!r}")

    def expr(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.power()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            rhs = self.power()
            if op == "*":
                value *= rhs
            elif op == "/":
                value //= rhs
            else:
                value %= rhs
        return value

    def power(self):
        base = self.unary()
        if self.peek()[1] == "^":
            self.take()
            return base ** self.power()
        return base

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return value
        if value == "(":
            inner = self.expr()
            self.expect(")")
            return inner
        raise ParseError(f"unexpected {value!r}")


def evaluate(text):
    p = Parser(text)
    value = p.expr()
    if p.peek()[0] != "end":
        raise ParseError(f"trailing {p.peek()[1]!r}")
    return value


for text in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "7 / 2 - 7 % 3", "2 ^ 100 - 1",
             "((4))", "1 +", "3 $ 4", "(1 + 2", "10 / (5 - 5)", "2 3", "-(-(-5))"]:
    try:
        print(f"{text:<14} = {evaluate(text)}")
    except ParseError as e:
        print(f"{text:<14} ! parse error: {e}")
    except ZeroDivisionError as e:
        print(f"{text:<14} ! {e}")
