# Conditional expressions.
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 10
y = x * 2 if x > 5 else x / 2
print(y)
print("even" if x % 2 == 0 else "odd", ("big" if x > 100 else "small").upper())
z = [1, 2] if not x else []
print(z)

def sign(v):
    return -1 if v < 0 else (0 if v == 0 else 1)

print(sign(-5), sign(0), sign(7))
labels = []
for i in range(1, 16):
    labels.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
print(" ".join(labels))
f = (lambda a: a + 1) if x else (lambda a: a - 1)
print(f(1))
