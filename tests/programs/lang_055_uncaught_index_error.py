# off-by-one: the loop reads one element past the end
scores = [88, 92, 79]
total = 0
for i in range(len(scores) + 1):
    print("adding", i)
    total += scores[i]
print(total)
