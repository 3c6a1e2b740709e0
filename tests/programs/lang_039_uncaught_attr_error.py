# AttributeError on an instance ends the program
class User:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "hi " + self.name

u = User("ada")
print(u.greet())
print(u.email)
