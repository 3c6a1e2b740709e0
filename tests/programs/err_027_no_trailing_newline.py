# stdout without a final newline before the error must still be flushed.
print("partial", end="")
print(" line", end="")
{}["k"]
