# which handler runs: order of except clauses, base classes, tuples, re-raising
class AppError(Exception):
    pass
class DbError(AppError):
    pass
class ConnError(DbError):
    def __init__(self, host, retries=0):
        super().__init__(f"cannot reach {host}")
        self.host = host
        self.retries = retries

def risky(kind):
    if kind == "conn":
        raise ConnError("db.local", retries=3)
    if kind == "db":
        raise DbError("bad query")
    if kind == "app":
        raise AppError("generic")
    if kind == "key":
        return {}["nope"]
    if kind == "zero":
        return 1 // 0
    return "fine"

def handle(kind):
    try:
        result = risky(kind)
    except ConnError as e:
        return f"conn: {e} (host={e.host}, retries={e.retries})"
    except (DbError, KeyError) as e:
        return f"db-or-key: {type(e).__name__}: {e}"
    except AppError as e:
        return f"app: {e!r}"
    except Exception as e:
        return f"other: {type(e).__name__}: {e}"
    else:
        return f"ok: {result}"

for k in ["conn", "db", "app", "key", "zero", "none"]:
    print(k, "->", handle(k))

def wrong_order(kind):
    try:
        risky(kind)
    except AppError:
        return "AppError first"
    except ConnError:
        return "never reached"
print(wrong_order("conn"))
errors = []
for k in ["db", "zero", "none"]:
    try:
        risky(k)
    except BaseException as e:
        errors.append(e)
print([type(e).__name__ for e in errors], [str(e) for e in errors])
print(isinstance(errors[0], AppError), isinstance(errors[1], ArithmeticError))
print(ConnError.__mro__[1].__name__, [c.__name__ for c in ConnError.__mro__])
try:
    try:
        risky("db")
    except DbError as inner:
        raise AppError("wrapped") from inner
except AppError as outer:
    print(outer, "<-", repr(outer.__cause__))
class NotAnError:
    pass
try:
    try:
        risky("app")
    except NotAnError:
        pass
except TypeError as e:
    print("TypeError:", e)
