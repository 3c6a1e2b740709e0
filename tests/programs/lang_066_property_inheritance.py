# properties through inheritance: overriding, extending with super(), computed attributes
class Shape:
    sides = 0
    def __init__(self, name):
        self._name = name
    @property
    def name(self):
        return self._name.title()
    @property
    def description(self):
        return f"{self.name} with {self.sides} sides, area {self.area:.2f}"
    @property
    def area(self):
        return 0.0

class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self._name = "square"
    @property
    def side(self):
        return self.w
    @side.setter
    def side(self, value):
        self.w = self.h = value
    @property
    def description(self):
        return super().description + " (regular)"

class Triangle(Shape):
    sides = 3
    def __init__(self, b, h):
        super().__init__("triangle")
        self.b, self.h = b, h
    @property
    def area(self):
        return self.b * self.h / 2

shapes = [Shape("blob"), Rect(2, 3.5), Square(3), Triangle(4, 5)]
for s in shapes:
    print(s.description)
sq = shapes[2]
sq.side = 5
print(sq.area, sq.w, sq.h, sq.side)
print(sorted(shapes, key=lambda s: s.area)[-1].name, sum([s.area for s in shapes]))
try:
    sq.area = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(Square.side).__name__, Square.side.fget is not None, Rect.area is Shape.area)
