# Counting with dicts.
text = """the event loop runs one task at a time
a task runs until it awaits
then the loop picks the next ready task"""
counts = {}
for line in text.split("\n"):
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
print(counts)
best_word = None
best = 0
for word, n in counts.items():
    if n > best:
        best_word, best = word, n
print(best_word, best)
by_len = {}
for word in counts:
    by_len.setdefault(len(word), []).append(word)
lengths = []
for k in by_len:
    lengths.append(k)
lengths.sort()
for k in lengths:
    ws = by_len[k]
    ws.sort()
    print(k, ws)
letters = {}
for ch in text:
    if ch != " " and ch != "\n":
        letters[ch] = letters.get(ch, 0) + 1
print(len(letters), letters["t"], letters.get("z", 0))
