# Logarithms, exponentials and roots for a range of inputs.
import math

for x in [0.5, 1, 2, 10, 100, 1e-5, 123456789, 2 ** 40, 1e300]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.log(x, 0.5))
    print("  ", math.sqrt(x), math.cbrt(x), math.log1p(x), math.exp(x / 1e300), math.expm1(x / 1e300))
print(math.log(10, 10), math.log(100, 10), math.log(2 ** 40, 2), math.log(0.5, 2), math.log(math.e))
print(math.log(math.inf), math.log(math.nan), math.exp(-math.inf), math.exp(math.inf), math.exp(1))
print(math.exp2(10), math.exp2(-1), math.exp(0), math.exp(-1000))
print([round(math.log2(2 ** k)) == k for k in range(0, 60, 7)])
