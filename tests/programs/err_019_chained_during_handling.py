# An exception raised while handling another: stderr shows both, with
# "During handling of the above exception, another exception occurred:".
def load(d, key):
    try:
        return d[key]
    except KeyError:
        raise RuntimeError("config entry missing: " + key)

print(load({"a": 1}, "a"))
load({}, "b")
