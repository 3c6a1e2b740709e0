# Comprehensions and sorted() with a lambda key: building, filtering and
# ordering records, as data-munging code does.
def records(n):
    return [(i * 7919 % 10007, "name%d" % (i % 1000), i % 13) for i in range(n)]


def report(rows):
    by_score = sorted(rows, key=lambda r: r[0])
    by_name = sorted(rows, key=lambda r: (r[1], -r[2]))
    picked = [r[0] for r in by_score if r[2] % 3 == 0]
    groups = {}
    for r in by_name:
        groups[r[2]] = groups.get(r[2], 0) + 1
    squares = sorted({x * x % 1013 for x in picked}, reverse=True)
    return by_score[0], by_name[-1], len(picked), sum(picked) % 100003, groups[7], squares[:3]


for rep in range(8):
    print(report(records(60000)))
