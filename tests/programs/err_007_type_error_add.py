# Uncaught TypeError for int + str.
count = 3
print("count:", count)
message = count + " apples"
print(message)
