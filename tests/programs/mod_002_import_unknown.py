# Importing a module that does not exist ends the program with ModuleNotFoundError.
import math
print(math.floor(3.7))
import no_such_module
print("not reached")
