# case conversion and is* predicates, padding methods
words = ["hello world", "HELLO", "it's a dog's life", "x1y2", "", "Ünïcode ßtraße"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())
for w in ["123", "12.5", "abc", "abc123", "   ", "", "ABC", "Abc", "Title Case", "٣"]:
    print(repr(w), w.isdigit(), w.isalpha(), w.isalnum(), w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isnumeric(), w.isdecimal())
print("a_b".isidentifier(), "1a".isidentifier(), "class".isidentifier())
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "hi".center(7) + "]", "[" + "hi".center(6, "*") + "]")
print("[" + "hi".ljust(5, ".") + "]", "[" + "hi".rjust(5) + "]")
print("a\tb\tc".expandtabs(4), "x".expandtabs())
print("Straße".casefold() if False else "ABC".casefold())
print("hello"[::-1], "hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
print(str.upper("abc"), str.join(",", ["a", "b"]))
