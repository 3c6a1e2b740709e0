# dict views as sets: comparisons and operators with sets, frozensets and other views
stock = {"apple": 3, "pear": 0, "kiwi": 7}
wanted = {"kiwi", "plum", "apple"}
print(stock.keys() & wanted, sorted(stock.keys() | wanted), sorted(stock.keys() - wanted), sorted(stock.keys() ^ wanted))
print(sorted(wanted & stock.keys()), sorted(wanted - stock.keys()))
print(stock.keys() == {"apple", "pear", "kiwi"}, {"kiwi", "pear", "apple"} == stock.keys(), stock.keys() != wanted)
print(stock.keys() < {"apple", "pear", "kiwi", "fig"}, stock.keys() <= set(stock), stock.keys() > {"pear"}, stock.keys() >= frozenset(["kiwi"]))
other = {"kiwi": 7, "apple": 3, "pear": 0}
print(stock.keys() == other.keys(), stock.items() == other.items(), stock.values() == other.values())
print(stock.items() == {("apple", 3), ("pear", 0), ("kiwi", 7)}, ("kiwi", 7) in stock.items(), ("kiwi", 8) in stock.items())
print(sorted(stock.items() - {("pear", 0)}), stock.keys() == ["apple", "pear", "kiwi"], stock.keys().isdisjoint({"fig"}))
in_stock = {k for k, v in stock.items() if v}
print(sorted(in_stock), in_stock <= stock.keys(), stock.keys() > in_stock)
try:
    stock.keys() < ["apple"]
except TypeError as e:
    print("TypeError:", e)
try:
    stock.values() | {1}
except TypeError as e:
    print("TypeError:", e)
print("İstanbul".lower(), len("İ".lower()), "Ǆungla".swapcase(), "ßig".capitalize())
