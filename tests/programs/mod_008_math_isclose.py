# math.isclose with its relative and absolute tolerances.
import math

print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(5, 5.0000001, rel_tol=1e-3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(a=1, b=1))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 101, rel_tol=0.0099))
print(math.isclose(1, 1 + 1e-9), math.isclose(1, 1 + 1.1e-9), math.isclose(-1, -1.0000000001))
total = sum([0.1] * 10)
print(total, total == 1.0, math.isclose(total, 1.0))
