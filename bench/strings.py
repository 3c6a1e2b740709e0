# String building, concatenation, join, split, f-strings, slicing and `in`.
def build_and_split(n):
    parts = []
    for i in range(n):
        parts.append(f"item{i}:{i * 3}")
    line = ",".join(parts)
    fields = line.split(",")
    total = 0
    for f in fields:
        name, value = f.split(":")
        total += int(value)
    return len(line), len(fields), total


def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return len(s), s[100:110], s[-5:]


def search(n):
    found = 0
    text = "the event loop runs one task at a time until it awaits"
    for i in range(n):
        if "task" in text:
            found += 1
        if text[i % 40:i % 40 + 5] == "loop ":
            found += 1
    return found


def words(n):
    out = []
    for i in range(n):
        w = "w" + str(i)
        out.append(w.upper() if i % 2 else w)
    joined = " ".join(out)
    return joined[:20], len(joined)


for rep in range(6):
    print(build_and_split(80000))
    print(concat(60000))
    print(search(200000))
    print(words(40000))
