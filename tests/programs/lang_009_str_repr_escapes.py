# repr of strings: quote choice, escapes, unicode
samples = [
    "plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
    "back\\slash", "nul\0byte", "bell\a", "\x7f", "\x80", "é", "日本語", "\u200b",
    "\U0001F600", "\r\n", "\x1b[0m", "", "'", '"', "\ud7ff", " ", "\xa0", "\u2028",
]
for s in samples:
    print(repr(s), len(s))
print(repr(samples[:5]))
print(str(samples[1]), str(["it's", 'a"b']))
print(repr(r"raw\n"), r"C:\path\to", len(r"\n"))
print(ascii("é") if False else repr("éa"))
print("multi" "part" 'string', """triple "quoted" 'both'""")
print('''single triple
spans lines''')
print("\u00e9" == "é", "\x41", "\101", "\u2022")
d = {"k'ey": "v\"al", "n": "\n"}
print(d)
print(("a'", 'b"'), {"x\ty"})
