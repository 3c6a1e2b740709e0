# math on ints beyond 64 bits: exact factorials, binomials, gcd, isqrt, and logs of huge ints.
import math


def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


print(math.factorial(30), math.factorial(21), len(str(math.factorial(1000))))
print(math.comb(100, 50), math.comb(67, 33), math.perm(30, 25))
print(math.comb(10 ** 30, 3), math.perm(10 ** 30, 2), math.comb(10 ** 20, 10 ** 20 - 1))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(10 ** 30, 3 * 10 ** 29 + 6), math.lcm(10 ** 20, 3 ** 40))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 127), math.isqrt(10 ** 41))
print(math.prod(range(1, 30)), math.prod([2 ** 40, 2 ** 40, 3]))
print(math.log(2 ** 2000), math.log10(10 ** 500), math.log2(2 ** 1000 + 1), math.log(10 ** 500, 10 ** 250))
print(math.sqrt(10 ** 300), math.hypot(10 ** 300, 10 ** 300), math.floor(1e300) == 10 ** 300, math.ceil(-1e30))
print(math.trunc(2.5e20), math.floor(2 ** 70 + 0.0), math.fsum([10 ** 30, 1, -10 ** 30]))
t(math.factorial, 10 ** 30); t(math.sqrt, 10 ** 400); t(math.isclose, 10 ** 400, 1)
t(math.comb, 10 ** 30, 10 ** 20); t(math.perm, 10 ** 30, 10 ** 20); t(math.ldexp, 1.0, 10 ** 30)
print(math.ldexp(1.0, -10 ** 30), math.comb(5, 10 ** 20), math.perm(5, 10 ** 20))
