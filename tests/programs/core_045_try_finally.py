# finally always runs: on normal exit, on exceptions, on return/break/continue.
def f():
    try:
        return "from try"
    finally:
        print("finally before return")

print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return "done"

print(g())

def h():
    try:
        try:
            raise ValueError("boom")
        finally:
            print("inner finally runs during propagation")
    except ValueError as e:
        print("caught", e)
    finally:
        print("outer finally")

h()
log = []

def nested():
    try:
        try:
            log.append("try")
            return 1
        finally:
            log.append("inner")
    finally:
        log.append("outer")

print(nested(), log)

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("tick", n)
    return n

print(while_finally())
