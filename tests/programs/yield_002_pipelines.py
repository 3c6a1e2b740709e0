# Generator pipelines: lazy evaluation, chaining and early exit.
def numbers():
    n = 0
    while True:
        print("  produce", n)
        yield n
        n += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def take(source, k):
    for i, x in enumerate(source):
        if i >= k:
            return
        yield x


print(list(take(evens(numbers()), 3)))

squares = (x * x for x in range(6))
print(next(squares), next(squares))
print(list(squares))
print(list(squares))

words = ["alpha", "beta", "gamma", "delta"]
lengths = {w: len(w) for w in words}
print(max((n, w) for w, n in lengths.items()))
print(sorted((w for w in words if "a" in w), key=lambda w: w[-2]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))


def chunks(seq, size):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


print(list(chunks("abcdefgh", 3)))
gen = chunks([1, 2, 3], 2)
print(type(gen).__name__, iter(gen) is gen)
