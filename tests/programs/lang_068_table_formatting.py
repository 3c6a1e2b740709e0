# text tables with str.format, nested widths, ljust/rjust/center
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 129.99)]
headers = ("Item", "Qty", "Price")
w0 = max(len(r[0]) for r in rows) if False else max([len(r[0]) for r in rows])
line = "+{}+{}+{}+".format("-" * (w0 + 2), "-" * 5, "-" * 10)
print(line)
print("| {:<{w}} | {:>3} | {:>8} |".format(*headers, w=w0))
print(line)
for name, qty, price in rows:
    print("| {:<{w}} | {:>3d} | {:>8.2f} |".format(name, qty, price, w=w0))
print(line)
total = sum([q * p for _, q, p in rows])
print("| {:>{w}} | {:>3} | {:>8.2f} |".format("TOTAL", "", total, w=w0))
print(line)
print("[" + "title".center(20, "=") + "]")
print("[" + "left".ljust(10, ".") + "|" + "right".rjust(10, ".") + "]")
for i, (name, qty, price) in enumerate(rows):
    print("{0:02d}. {1:.<15}{2:.>10,.2f}".format(i + 1, name, qty * price))
print("{:^9}|{:^9}|{:^9}".format("a", "bb", "ccc"))
print("{:*^9}|{:#<9}|{:~>9}".format("x", "y", "z"))
print("{0:>{1}}|{0:<{1}}|{0:^{1}}".format("mid", 7))
print("{:,}|{:_}|{:+,.1f}|{:.2%}".format(10 ** 9, 10 ** 6, -12345.678, 0.25))
cells = [[1, 22, 333], [4444, 5, 66]]
widths = [max(len(str(row[c])) for row in cells) if False else max([len(str(row[c])) for row in cells]) for c in range(3)]
for row in cells:
    print(" ".join(str(v).rjust(w) for v, w in zip(row, widths)) if False else " ".join([str(v).rjust(w) for v, w in zip(row, widths)]))
