def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fib(90))
print(fib(92))
print(fib(93))
print(fib(100))
print(fib(200))
f1000 = fib(1000)
print(len(str(f1000)), str(f1000)[:20], str(f1000)[-20:])

# Even Fibonacci numbers below 10**60.
total = 0
a, b = 1, 2
while a < 10 ** 60:
    if a % 2 == 0:
        total += a
    a, b = b, a + b
print(total)

# Cassini's identity holds exactly at any size.
n = 300
print(fib(n - 1) * fib(n + 1) - fib(n) ** 2)
print(fib(301) * fib(299) - fib(300) ** 2)

memo = {0: 0, 1: 1}
def mfib(n):
    if n not in memo:
        memo[n] = mfib(n - 1) + mfib(n - 2)
    return memo[n]
print(mfib(250) == fib(250), mfib(250))
