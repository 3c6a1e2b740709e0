# repr() of strings picks quotes and escapes like CPython.
print(repr("hello"), repr(""), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnewline\ncr\rbackslash\\"))
print(repr("\x00\x01\x1f\x7f"), repr("\x80"), repr("\xa0"), repr("\xff"))
print(repr("café"), repr("日本"), repr("👍"))
print(repr("\\n is not a newline"), repr("a\\b"))
print(["it's", 'q"', "\t"], ("x\ny",), {"k'": "v\""})
print(str("it's"), str('a\tb'))
s = 'single \' and double " quotes'
print(s)
print(repr(s))
print(repr("'"), repr('"'), repr("'\""))
print(len(repr("a\nb")), repr(repr("x")))
print(repr("\u00e9\u0041\x41"))
