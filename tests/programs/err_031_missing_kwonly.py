# Uncaught TypeError: missing keyword-only argument.
def schedule(task, *, delay):
    return task + " in " + str(delay)

print(schedule("ping", delay=1))
schedule("pong")
