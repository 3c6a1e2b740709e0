# super is the class `super`: its repr and type, isinstance of super objects,
# zero- and two-argument forms, and the errors of a wrong call.
class A:
    def f(self):
        return "A"

    @classmethod
    def make(cls):
        return cls.__name__


class B(A):
    def f(self):
        return "B" + super().f()

    @classmethod
    def make(cls):
        return "B:" + super().make()


print(super, type(super), super.__name__)
b = B()
print(b.f(), B.make(), isinstance(super(B, b), super), super(B, b).f())


def plain(x):
    return super()


for call in (lambda: super(), lambda: super(1, 2), lambda: super(A, b, 3), lambda: plain(1)):
    try:
        call()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
