# A few classic algorithms using only the core language.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    primes = []
    for i in range(n + 1):
        if is_prime[i]:
            primes.append(i)
    return primes

print(sieve(60))

def bubble_sort(a):
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a

print(bubble_sort([5, 1, 4, 2, 8, 0, -3]))

def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        if a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

data = sieve(100)
print(binary_search(data, 37), binary_search(data, 38), binary_search([], 1))

def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = []
    for i in range(n):
        row = []
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            row.append(s)
        c.append(row)
    return c

print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
