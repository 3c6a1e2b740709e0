# Uncaught ZeroDivisionError from float division.
rate = 2.5
elapsed = 0.0
print("rate", rate)
speed = rate / elapsed
print(speed)
