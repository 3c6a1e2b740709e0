# Uncaught KeyError.
ages = {"ann": 31, "bob": 42}
print(ages["ann"])
print(ages["cy"])
