# A generator still suspended inside a try when the program ends is closed
# at shutdown, as CPython's is: its finally runs after the last line.
def lines(tag):
    try:
        yield 1
        yield 2
    finally:
        print(tag, "closed at exit")


keep = [lines("kept")]
print(next(keep[0]))
print("end of the program")
