# try/except/else/finally ordering, nested handlers, exception in handlers
def attempt(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

for a in ["ok", "raise", "return"]:
    print(a, attempt(a))

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def swallow():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
        except KeyError:
            print("skip", i)
            continue
        finally:
            print("finally", i)
        print("body", i)
swallow()

def classify(x):
    try:
        return 10 / x
    except (ZeroDivisionError, TypeError) as e:
        return type(e).__name__
print(classify(2), classify(0), classify("s"))

try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)

def bare():
    try:
        int("x")
    except:
        return "bare caught"
print(bare())
try:
    try:
        {}["k"]
    except KeyError as e:
        print("handler got", repr(e))
        raise ValueError("from handler")
except ValueError as e:
    print(e, type(e.__context__).__name__)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise RuntimeError
        break
    except RuntimeError:
        print("retry", count)
print("count", count)
