# single inheritance, overriding, super(), attribute lookup through bases
class Animal:
    kind = "animal"
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{self.name} is a {self.kind}"

class Dog(Animal):
    sound = "woof"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def describe(self):
        return super().describe() + f" ({self.breed})"

class Puppy(Dog):
    kind = "young dog"

    def speak(self):
        base = super().speak()
        return base.upper() + "!"

animals = [Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug")]
for a in animals:
    print(a.speak(), "|", a.describe())
p = animals[2]
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(animals[1], Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
print(isinstance(p, (int, Dog)), isinstance(3, (str, float)), issubclass(Puppy, (int, Animal)))
print(Puppy.__bases__ if False else Puppy.__base__.__name__, Dog.__mro__ if False else [c.__name__ for c in Puppy.__mro__])
print(Puppy.kind, Puppy.sound, Dog.kind)
class Base:
    def __init__(self):
        self.log = ["base"]
    def hello(self):
        return "base hello"
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("mid")
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__()
        self.log.append("leaf")
    def hello(self):
        return "leaf/" + super(Mid, self).hello()
leaf = Leaf()
print(leaf.log, leaf.hello())
class NoInit(Dog):
    pass
n = NoInit("n", "mutt")
print(n.describe(), type(n).__name__)
