# str.maketrans / str.translate and str.format_map
text = "Hello, World! It's a fine day; isn't it?"
no_punct = text.translate(str.maketrans("", "", ",!;?'"))
print(no_punct, no_punct.lower().split())
rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM")
secret = "Loopbook runs Python".translate(rot13)
print(secret, secret.translate(rot13))
leet = {"a": "4", "e": "3", "o": "0", "t": None}
print("the quick brown fox".translate(str.maketrans(leet)), sorted(str.maketrans(leet).items()))
print("tab\tand\nnewline".translate({9: " -> ", 10: " | "}), "abc".translate({}), "ünï".translate({252: "u", 239: "i"}))
print(str.maketrans("ab", "xy"), "".maketrans("q", "r", "s"))
record = {"name": "Ada", "lang": "Python", "year": 1843}
print("{name} wrote about {lang} in {year}".format_map(record))
print("{name:>8}|{year:,}|{name!r}".format_map(record))
class Blanks(dict):
    def __missing__(self, key):
        return "{" + key + "}"
print("Dear {title} {name}, your order {order} ships {when}.".format_map(Blanks(name="Bob", when="today")))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans(["a"]),
            lambda: str.maketrans({"ab": "c"}), lambda: "{missing}".format_map({}),
            lambda: "{0}".format_map({}), lambda: "x".translate({120: 3.5})]:
    try:
        bad()
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__ + ":", e)
