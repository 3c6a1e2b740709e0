# Nested while and for loops over int arithmetic (no calls in the hot loop).
def while_loops(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < n:
            total += (i * j) % 7
            j += 1
        i += 1
    return total


def for_loops(n, m):
    acc = 0
    for a in range(n):
        for b in range(m):
            if (a + b) & 1:
                acc += a - b
            else:
                acc ^= b
    return acc


print(while_loops(2200))
print(for_loops(2000, 1000))
