# Messages for * and ** applied to things that are not iterables or mappings.
def f(*a, **k): pass
for src in ["f(*5)", "f(**[1])", "[*5]", "{**[1]}", "(*5,)", "{*5}", "print(*5)", "f(1, *5)"]:
    try:
        if src == "f(*5)": f(*5)
        elif src == "f(**[1])": f(**[1])
        elif src == "[*5]": [*5]
        elif src == "{**[1]}": {**[1]}
        elif src == "(*5,)": (*5,)
        elif src == "{*5}": {*5}
        elif src == "print(*5)": print(*5)
        else: f(1, *5)
    except TypeError as e: print(src, "->", e)
