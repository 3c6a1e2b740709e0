# String literal forms.
print('single', "double", '''triple single''', """triple double""")
print("esc: \\ \' \" \t| \x41 \u00e9 \101 \0!".replace("\0", "NUL"))
print(r"raw \n stays", R'raw \t too', len(r"\n"))
print("adjacent " "literals " 'join')
s = ("implicit "
     "joining "
     "inside parens")
print(s)
multi = """line one
line two
  indented"""
print(multi)
print(len(multi), multi[0], multi[-1])
print("""a\
b""")
print('a "quoted" word', "it's")
print('''it's "both"''')
e = ""
print(len(e), e == '', e == """""")
print("\u00e9" == "é", "\x41" == "A")
