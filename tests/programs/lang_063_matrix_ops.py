# matrices as nested lists: transpose, multiply, pretty-print
def make(rows, cols, fn):
    return [[fn(r, c) for c in range(cols)] for r in range(rows)]

def transpose(m):
    return [list(row) for row in zip(*m)]

def multiply(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) if False else sum([x * y for x, y in zip(row, col)]) for col in bt] for row in a]

def show(m, title):
    print(title)
    width = max(len(str(v)) for row in m for v in row) if False else max([len(str(v)) for row in m for v in row])
    for row in m:
        print("  [" + " ".join(f"{v:>{width}}" for v in row) + "]" if False else "  [" + " ".join([f"{v:>{width}}" for v in row]) + "]")

a = make(2, 3, lambda r, c: r * 3 + c + 1)
b = make(3, 2, lambda r, c: (r + 1) * (c + 2) - 3)
show(a, "A")
show(b, "B")
show(transpose(a), "A^T")
show(multiply(a, b), "A x B")
identity = make(3, 3, lambda r, c: int(r == c))
show(multiply(b, make(2, 2, lambda r, c: int(r == c))), "B x I")
print(identity == transpose(identity), [row[::-1] for row in a], a[::-1])
diag = [identity[i][i] for i in range(3)]
flat = [v for row in b for v in row]
print(diag, flat, sum(flat), min(flat), max(flat))
grid = [["."] * 4 for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(row) for row in grid) if False else "\n".join(["".join(row) for row in grid]))
alias = [["."] * 2] * 2
alias[0][0] = "X"
print(alias)
