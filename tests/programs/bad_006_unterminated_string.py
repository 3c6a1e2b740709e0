# A string literal with no closing quote.
print("fine")
message = "this string never ends
print(message)
