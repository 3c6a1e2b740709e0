# Building strings piece by piece.
parts = []
for i in range(10):
    parts.append(str(i))
print("".join(parts), ",".join(parts))
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))

def pad(text, width):
    return text + " " * (width - len(text))

table = [("name", "qty"), ("apples", "3"), ("kiwis", "12")]
for name, qty in table:
    print(pad(name, 8) + "|" + " " * (4 - len(qty)) + qty)

def caesar(text, shift):
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    for ch in text:
        i = alphabet.find(ch)
        out += ch if i < 0 else alphabet[(i + shift) % 26]
    return out

secret = caesar("hello, world", 3)
print(secret, caesar(secret, -3))

def reverse_words(sentence):
    words = sentence.split()
    words.reverse()
    return " ".join(words)

print(reverse_words("the loop runs the tasks"))
box = "+" + "-" * 10 + "+"
print(box + "\n|" + "loopbook".upper().replace("O", "0") + "  |\n" + box)
