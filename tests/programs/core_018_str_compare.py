# String ordering is by code point.
print("apple" < "banana", "apple" < "Apple", "Z" < "a", "abc" < "abd", "ab" < "abc")
print("" < "a", "a" > "", "a" <= "a", "b" >= "a", "10" < "9", "é" > "z")
print("abc" == "abc", "abc" != "ABC", "a" * 3 == "aaa")
words = ["pear", "Apple", "banana", "apple", "Banana", "cherry"]
smallest = words[0]
largest = words[0]
for w in words:
    if w < smallest:
        smallest = w
    if w > largest:
        largest = w
print(smallest, largest)
print(min(words), max(words), min("hello"), max("hello"))
print("aa" < "aaa" < "ab" < "b")
print("日" > "z", "€" > "$", "\n" < " ")
