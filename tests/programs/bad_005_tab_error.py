# Tabs and spaces mixed inconsistently in one block.
def f():
        x = 1
	y = 2
        return x + y

print(f())
