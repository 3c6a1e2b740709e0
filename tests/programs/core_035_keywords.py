# Keyword arguments.
def describe(name, age, city="nowhere"):
    print(name, age, city)

describe("Ann", 30)
describe(name="Bob", age=25)
describe(age=40, name="Cy")
describe("Di", city="Paris", age=22)
describe("Ed", 50, city="Rome")

def power(base, exp=2):
    return base ** exp

print(power(3), power(3, 3), power(exp=3, base=2), power(base=5))

def kw_defaults(a, b=2, c=3):
    return (a, b, c)

print(kw_defaults(1, c=30), kw_defaults(1, 20), kw_defaults(c=300, a=100))
print(kw_defaults(1, b=None))
try:
    kw_defaults(1, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_defaults(b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_defaults(1, d=4)
except TypeError as e:
    print("TypeError:", e)
print(max(3, 9, 4), round(number=2.567, ndigits=1))
print("a", "b", sep="")
