# Nested groups print one box inside another, two columns deeper; the innermost box
# that ends last draws the one closing rule.
def fail(n):
    raise KeyError(n)


def inner_group():
    problems = []
    for n in range(2):
        try:
            fail(n)
        except KeyError as e:
            problems.append(e)
    raise ExceptionGroup("inner", problems)


def outer_group():
    try:
        inner_group()
    except ExceptionGroup as g:
        print("caught", g)
        raise ExceptionGroup("outer", [OSError(2, "missing"), g]) from None


outer_group()
