# import, import as, from import (with as), imports in a function, module objects and their errors.
import math
import math as m, time as t
from math import sqrt, pi as PI, floor
from random import seed, random as rnd

print(math, m is math, sqrt(16), PI, floor(2.5))

print(math.sqrt, math.__name__, t.__name__)
seed(1); print(rnd())
def f():
    import math
    from math import e
    return math.e == e
print(f())
try:
    import nosuchmodule
except ImportError as ex:
    print(type(ex).__name__, ex)
try:
    from math import nope
except ImportError as ex:
    print(type(ex).__name__, ex)
try:
    from time import nope, sleep
except ImportError as ex:
    print(type(ex).__name__, ex)
try:
    math.nope
except AttributeError as ex:
    print(ex)
math.myattr = 5
print(math.myattr)
import math
print(math.myattr)
print(type(math))
