# __len__, __getitem__, __contains__, __bool__, __iter__ on custom containers
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __contains__(self, card):
        return card in self.cards

deck = Deck("AKQJ")
print(len(deck), deck[0], deck[-1], deck[1:3], "Q" in deck, "2" in deck, "2" not in deck)
print(list(deck), [c for c in deck], bool(deck), bool(Deck([])))
for card in deck:
    print(card, end=" ")
print()
print(sorted(deck), list(reversed(deck)) if False else "", max(deck))
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(g[0, 0], g[1, 1], g[1, 2])
del g[0, 0]
print(g[0, 0], g.cells)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no", not Flag(True))
print([f.on for f in [Flag(1 > 0), Flag(False)] if f])
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), "empty" if not Sized() else "full")
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
try:
    len(g)
except TypeError as e:
    print("TypeError:", e)
try:
    Flag(True)[0]
except TypeError as e:
    print("TypeError:", e)
