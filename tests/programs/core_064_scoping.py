# Local, enclosing, global and builtin scopes.
x = "global x"

def local_only():
    x = "local x"
    return x

def reads_global():
    return x

def enclosing():
    x = "enclosing x"
    def inner():
        return x
    return inner()

print(local_only(), "|", reads_global(), "|", enclosing(), "|", x)

def unbound():
    try:
        print(y_local)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y_local = 1
    return y_local

print(unbound())

def conditional_local(flag):
    if flag:
        v = "set"
    try:
        return v
    except NameError as e:
        return type(e)

print(conditional_local(True), conditional_local(False))
print = print
len_before = len("abc")

def uses_builtin():
    return len([1, 2])

print(len_before, uses_builtin())
for loop_var in range(3):
    inside_loop = loop_var * 2
print(loop_var, inside_loop)
if True:
    block_var = "blocks do not create scopes"
print(block_var)

def param_shadows(x):
    return x

print(param_shadows("param x"), x)
