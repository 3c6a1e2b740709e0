# Lists: literals, indexing, assignment, +, *, len, nesting.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[-3])
a[1] = "two"
a[-1] = [3]
print(a)
b = a + [4, 5]
print(b, a)
print([0] * 5, [1, 2] * 2, [] * 3, 3 * ["x"])
empty = []
print(empty, len(empty), [[]], [[], []])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-3])
m[0][0] = 100
print(m)
row = [0] * 3
grid = [row, row]
grid[0][1] = 9
print(grid)
c = a
c[0] = "changed"
print(a[0], c is a)
letters = []
for ch in "abc":
    letters = letters + [ch]
print(letters)
nums = [5, 3, 8]
total = 0
for n in nums:
    total += n
print(total, [total], [nums, [nums]])
print([1, 2.5, "s", None, True, (1,), {}])
print(type([]), type([1]))
