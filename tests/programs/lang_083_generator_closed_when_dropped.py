# A generator left suspended inside a try is closed (its finally runs) when
# nothing holds it any more: a for loop left by break, a function that
# returns from a loop over its parameter, `del` of the last name for it (a
# global or a local). One still held elsewhere is not closed.
def numbers(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print(tag, "closed")


for n in numbers("loop"):
    if n == 2:
        break
print("after the loop")

g = numbers("global")
print(next(g))
del g
print("after del of a global")


def local_del():
    g = numbers("local")
    next(g)
    del g
    print("after del of a local")


local_del()

def first(iterable):
    for x in iterable:
        return x


print(first(numbers("returned from")))
print("after first()")

kept = numbers("kept")
for n in kept:
    break
print("after a loop over a generator still held")
kept.close()


def stubborn():
    try:
        yield 1
    finally:
        print("stubborn finally")
        yield 2


s = stubborn()
next(s)
del s
print("end")
# a non-zero exit makes the runner compare the last line of stderr: the
# generator that would not close, reported as CPython reports it
raise SystemExit(6)
