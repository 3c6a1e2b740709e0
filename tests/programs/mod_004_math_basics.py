# math: the constants and the everyday functions.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(-0.0), math.sqrt(10))
for x in [2.5, -2.5, 3.0, -0.5, 0.4999999, 7, True, -3]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0), math.pow(math.inf, -1))
area = math.pi * 3 ** 2
print(f"{area:.3f}", round(area, 2), math.floor(area), math.ceil(area))
print(math.modf(-3.25), math.frexp(0.0), math.frexp(-10), math.ldexp(0.75, 4))
print(math.fmod(-7, 3), math.remainder(7, 2), -7 % 3)
