# Integer functions: factorial, gcd, lcm, comb, perm, isqrt, prod.
import math

print([math.factorial(i) for i in range(21)])
print(math.gcd(0, 0), math.gcd(12, -18), math.gcd(7), math.gcd(2 ** 40, 6 ** 20), math.gcd(), math.gcd(12, 18, 8))
print(math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(), math.lcm(-4, 6))
print([math.comb(30, k) for k in range(31)])
print(math.comb(60, 30), math.comb(62, 31), math.comb(5, 7), math.comb(0, 0))
print([math.perm(10, k) for k in range(12)], math.perm(6), math.perm(20, 20), math.perm(5, None))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 17, 99, 10 ** 12, 2 ** 62]])
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([0.5, 4]))
print(math.prod([2, 3], start=5), math.prod(['ab', 3]), math.prod([True, True]), math.prod((1.5, 2, 2)))
print(math.factorial(True), math.gcd(True, 4))
