# int(float("inf")) has no answer: math.floor raises OverflowError.
import math
print(math.floor(-0.5))
print(math.floor(float("inf")))
