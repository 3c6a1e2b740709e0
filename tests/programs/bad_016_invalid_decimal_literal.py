# A name glued to a number.
x = 1abc
