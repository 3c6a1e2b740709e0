# Recursion within 64-bit results.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))
out = []
for i in range(15):
    out.append(fib(i))
print(out)

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(0), fact(5), fact(10), fact(20))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(301))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    moves = hanoi(n - 1, src, via, dst, moves)
    moves += 1
    return hanoi(n - 1, via, dst, src, moves)

print(hanoi(10, "A", "C", "B", 0))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(900))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3))

def flatten(x, acc):
    for item in x:
        if type(item) is list:
            flatten(item, acc)
        else:
            acc.append(item)
    return acc

print(flatten([1, [2, [3, [4, [5]]]], 6], []))
