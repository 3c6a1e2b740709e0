# Module globals, the global statement, and local shadowing.
counter = 0

def bump():
    global counter
    counter += 1

for _ in range(5):
    bump()
print(counter)

def create():
    global created
    created = "made inside a function"

create()
print(created)
name = "global"

def shadow():
    name = "local"
    return name

print(shadow(), name)

def read_only():
    return name.upper()

print(read_only())
x = 1

def read_then_global():
    global x
    y = x
    x = y + 100
    return y

print(read_then_global(), x)

def uses_later_global():
    return later * 2

later = 21
print(uses_later_global())

def shadow_builtin():
    len = 42
    return len

print(shadow_builtin(), len("abc"))
