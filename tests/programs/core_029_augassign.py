# Augmented assignment on names, subscripts and containers.
x = 10
x += 5
x -= 3
x *= 2
print(x)
x //= 5
x %= 3
print(x)
x /= 4
print(x)
y = 2
y **= 10
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
t = (1, 2)
talias = t
t += (3,)
print(t, talias, t is talias)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
print(lst)
d = {"n": 1}
d["n"] += 1
d["n"] **= 3
print(d)
m = [[1, 2], [3, 4]]
m[1][0] -= 10
print(m)
calls = 0

def idx():
    global calls
    calls += 1
    return 0

lst[idx()] += 1
print(lst, calls)
b = 0b1111
b &= 0b1010
b |= 0b0001
b ^= 0b1000
b <<= 2
b >>= 1
print(b)
