def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print(gcd(2 ** 100 * 3 ** 20, 6 ** 50), gcd(-(10 ** 30), 4 ** 20), gcd(2 ** 89 - 1, 2 ** 61 - 1))
print(isqrt(10 ** 100), isqrt(2 * 10 ** 60), isqrt(2 ** 200) == 2 ** 100)
r = isqrt(2 * 10 ** 100)
print(r, r * r <= 2 * 10 ** 100 < (r + 1) ** 2)
print(collatz_steps(2 ** 100 + 1), collatz_steps(27), collatz_steps(10 ** 30 + 7))
digits = 0
v = 3 ** 1000
while v:
    digits += v % 10
    v //= 10
print(digits)

def binomial(n, k):
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result
print(binomial(100, 50), binomial(200, 3), binomial(1000, 500) % 10 ** 12)

# Pi to 60 digits with Machin's formula in fixed point.
def arctan_inv(x, unity):
    total = term = unity // x
    n = 1
    x2 = x * x
    sign = -1
    while term:
        term //= x2
        n += 2
        total += sign * (term // n)
        sign = -sign
    return total
unity = 10 ** 70
pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
print(str(pi)[:61])
