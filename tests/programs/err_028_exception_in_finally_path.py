# The finally block runs (and prints) before the exception propagates.
def work():
    try:
        print("working")
        return 1 / 0
    finally:
        print("cleanup runs first")

work()
