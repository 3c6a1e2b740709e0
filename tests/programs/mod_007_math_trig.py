# Trigonometric and hyperbolic functions.
import math

for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, 10, -123.456]:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x))
    print("  ", math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
for x in [-1, -0.5, 0, 0.25, 1]:
    print(x, math.asin(x), math.acos(x), math.atanh(x / 2))
print(math.acosh(1), math.acosh(10))
for y, x in [(1, 1), (1, -1), (-1, -1), (0, -1), (-0.0, -1), (0, 0), (math.inf, math.inf)]:
    print(y, x, math.atan2(y, x))
print(math.erf(0.5), math.erfc(0.5), math.erf(-3), math.erfc(10))
angle = math.degrees(math.atan2(3, 4))
print(f"{angle:.4f} degrees")
