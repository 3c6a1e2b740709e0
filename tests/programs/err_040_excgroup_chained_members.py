# Sub-exceptions print with their own chains ("direct cause" / "during handling"),
# every line of them inside the group's box; an exception already printed in the
# chain is not repeated there.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry {key!r}")


errors = []
for job in (lambda: parse("x1"), lambda: lookup({}, "k"), lambda: parse("7")):
    try:
        print("result", job())
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("jobs failed", errors)
