# A file that ends in the middle of a call, without a final newline.
print("a",