# An uncaught ExceptionGroup prints as a box: its own traceback, then each sub-exception
# (with the traceback it was raised with) under a numbered rule, then a closing rule.
def boom():
    raise ValueError("boom")


def collect():
    errors = []
    try:
        boom()
    except ValueError as e:
        errors.append(e)
    errors.append(TypeError("never raised, so no traceback"))
    return errors


errors = collect()
print(len(errors), "errors collected")
raise ExceptionGroup("two problems", errors)
