# Uncaught exception with several args: the message is str(args).
print("two args")
raise RuntimeError("first", 2)
