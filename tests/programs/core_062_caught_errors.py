# Runtime errors caught and their messages.
def show(thunk):
    try:
        thunk()
        print("no error")
    except Exception as e:
        print(str(type(e)) + ":", e)

show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.5 / 0)
show(lambda: 1.5 // 0.0)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: "a" * "b")
show(lambda: [1] + (1,))
show(lambda: -"x")
show(lambda: "a" < 1)
show(lambda: [1, 2][2])
show(lambda: "abc"[3])
show(lambda: (1,)[-2])
show(lambda: {"a": 1}["b"])
show(lambda: {}[(1, 2)])
show(lambda: undefined)
five = 5
text = "x"
one_float = 1.0
show(lambda: five())
show(lambda: text())
show(lambda: (1).real_name)
show(lambda: "s".nope)
show(lambda: {[1]: 2})
show(lambda: [1][one_float])
show(lambda: "abc"[text])
show(lambda: int("3.5"))
show(lambda: len(3))
show(lambda: None + 1)
show(lambda: [1, 2] * [3])
show(lambda: (1, 2) < (1, "a"))
show(lambda: None < None)

def assign_tuple():
    t = (1, 2)
    t[0] = 5

def assign_str():
    s = "abc"
    s[0] = "x"

def unpack_many():
    a, b = [1, 2, 3]

def unpack_few():
    a, b, c = [1, 2]

def unpack_int():
    a, b = 5

show(assign_tuple)
show(assign_str)
show(unpack_many)
show(unpack_few)
show(unpack_int)
