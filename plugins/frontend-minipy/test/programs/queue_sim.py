# Round-robin scheduler with lists as queues.
tasks = [["a", 3], ["b", 1], ["c", 4]]
time = 0
order = []
while tasks:
    task = tasks.pop(0)
    time += 1
    task[1] -= 1
    if task[1] > 0:
        tasks.append(task)
    else:
        order.append((task[0], time))
print(order)
