# An unterminated string inside an open bracket.
items = ["one", "two, "three"]
