# Factorials computed with a loop grow past 64 bits at 21!.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

for n in [0, 1, 5, 10, 19, 20, 21, 22, 25, 30]:
    print(n, factorial(n))

f30 = factorial(30)
print("30! =", f30)
print("digits:", len(str(f30)))
print("type:", type(f30).__name__)

# Trailing zeros by repeated division.
zeros = 0
x = f30
while x % 10 == 0:
    x //= 10
    zeros += 1
print("trailing zeros:", zeros)

# Dividing back down returns to small ints, which compare equal to literals.
y = f30
for i in range(30, 1, -1):
    y //= i
print("back to:", y, y == 1, type(y).__name__)

f100 = factorial(100)
print(f100)
print(sum(int(d) for d in str(f100)))
print(factorial(50) // factorial(48), 50 * 49)
