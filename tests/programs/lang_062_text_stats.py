# word statistics: split, strip punctuation, dict counting, sorting, f-string tables
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness;
it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(",.;").lower() for w in text.split()]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(len(words), "words,", len(counts), "distinct")
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
width = max(len(w) for w, _ in top) if False else max([len(w) for w, _ in top])
for word, n in top:
    bar = "#" * n
    print(f"{word:<{width}} | {n:>2} | {bar}")
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i}: {len(line):3d} chars, {line.count(',')} commas, starts {line.split()[0]!r}")
longest = max(words, key=len)
print(longest, words.index(longest), text.find(longest), text.rfind("it"))
vowels = sum([1 for ch in text.lower() if ch in "aeiou"])
print(f"vowels: {vowels}, ratio {vowels / len(text):.3f}")
print(" ".join(w.capitalize() for w in "the age of wisdom".split()) if False else " ".join([w.capitalize() for w in "the age of wisdom".split()]))
acronym = "".join([w[0] for w in "as soon as possible".upper().split()])
print(acronym, acronym.lower().center(10, "*"))
