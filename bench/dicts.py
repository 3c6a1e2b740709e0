# Dict insert, lookup and update with int and str keys.
def int_keys(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    total = 0
    for i in range(0, n, 3):
        total += d[i]
    for i in range(n):
        d[i] += 1
    return len(d), total, d[n - 1]


def str_keys(n):
    names = {}
    for i in range(n):
        names["key" + str(i % 5000)] = i
    hits = 0
    for i in range(n):
        k = "key" + str(i % 7000)
        if k in names:
            hits += 1
            names[k] = names[k] + 1
    return len(names), hits, names["key42"]


def word_counts(rounds):
    counts = {}
    words = "the quick brown fox jumps over the lazy dog again and again".split()
    for r in range(rounds):
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return counts["the"], counts["again"], len(counts)


for rep in range(6):
    print(int_keys(120000))
    print(str_keys(100000))
    print(word_counts(25000))
