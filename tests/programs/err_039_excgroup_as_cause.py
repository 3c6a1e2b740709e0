# A group can be the __cause__ (or __context__) of an ordinary exception: the chain
# prints the group's box first, then the exception raised from it.
def check(values):
    problems = []
    for v in values:
        if not isinstance(v, int):
            problems.append(TypeError(f"not an int: {v!r}"))
    if problems:
        raise ExceptionGroup("invalid values", problems)


def load(values):
    try:
        check(values)
    except ExceptionGroup as g:
        print("problems:", len(g.exceptions))
        raise RuntimeError("could not load the values") from g


load([1, "two", 3.0])
