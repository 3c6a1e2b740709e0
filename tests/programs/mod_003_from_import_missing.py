# A name the module does not have: ImportError naming the module.
from math import sqrt
print(sqrt(2))
from math import square_root
print("not reached")
