# nonlocal outside any function.
nonlocal x
x = 1
