# Uncaught AttributeError.
words = ["a", "b"]
words.append("c")
print(words)
words.push("d")
