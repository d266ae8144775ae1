# A tiny stack-machine interpreter over tuples and dicts.
program = [
    ("push", 5), ("push", 7), ("add",), ("push", 3), ("mul",), ("print",),
    ("push", 10), ("push", 4), ("sub",), ("dup",), ("mul",), ("print",),
    ("push", 1), ("push", 0), ("div",), ("print",),
]


def run(prog):
    stack = []
    for ins in prog:
        op = ins[0]
        if op == "push":
            stack.append(ins[1])
        elif op == "add":
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        elif op == "sub":
            b = stack.pop()
            a = stack.pop()
            stack.append(a - b)
        elif op == "mul":
            b = stack.pop()
            a = stack.pop()
            stack.append(a * b)
        elif op == "div":
            b = stack.pop()
            a = stack.pop()
            try:
                stack.append(a // b)
            except ZeroDivisionError:
                print("division by zero at", len(stack))
                stack.append(0)
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "print":
            print(stack[-1])
    return stack


print(run(program))
