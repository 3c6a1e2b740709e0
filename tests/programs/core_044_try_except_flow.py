# try / except / else / finally control flow.
def attempt(x):
    try:
        print("  try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("  except")
        r = None
    else:
        print("  else", r)
    finally:
        print("  finally")
    return r

print(attempt(2))
print(attempt(0))

def pick(kind):
    try:
        if kind == "key":
            {}["missing"]
        elif kind == "index":
            [][0]
        elif kind == "value":
            int("nope")
        elif kind == "type":
            1 + "1"
        return "no error"
    except (KeyError, IndexError) as e:
        return "lookup: " + str(e)
    except ValueError as e:
        return "value: " + str(e)
    except Exception as e:
        return "other: " + str(e)

for k in ["key", "index", "value", "type", "none"]:
    print(k, "->", pick(k))
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("wrong handler")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)
try:
    x = 1
except:
    print("not reached")
else:
    print("else without error, x =", x)
try:
    undefined_name
except:
    print("bare except caught it")
e = "still bound?"
try:
    raise ValueError("v")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("the as-name is deleted after the handler:", err)
