# iter(callable, sentinel), iterators over custom containers, exhausting iterators
data = [3, 1, 4, 1, 5, 9, 2, 6]
pos = 0
def read_next():
    global pos
    pos += 1
    return data[pos - 1] if pos <= len(data) else None
print(list(iter(read_next, None)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
it = iter(tick, 4)
print(type(it).__name__, next(it), list(it), next(it, "exhausted"))
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
    def __iter__(self):
        return iter(self.songs)
    def __len__(self):
        return len(self.songs)
p = Playlist("intro", "verse", "outro")
print(list(p), len(p), "verse" in p, [s.upper() for s in p], sorted(p, key=len))
i1, i2 = iter(p), iter(p)
print(next(i1), next(i1), next(i2), i1 is iter(i1))
lst = [1, 2, 3]
li = iter(lst)
next(li)
lst.append(4)
print(list(li), list(li))
e = enumerate("xyz")
for idx, ch in e:
    if idx == 0:
        print("first", ch, list(e))
z = zip(range(3), "abcdef")
print(list(z), list(z))
print(list(map(lambda k: k * 2, iter([1, 2]))), next(filter(lambda x: x > 2, [1, 3, 5])))
r = reversed(p.songs)
print(next(r), list(r))
try:
    iter(tick, 5, 6)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 5)
except TypeError as e:
    print("TypeError:", e)
