# @staticmethod and @classmethod: alternative constructors, counters, inheritance
class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.created += 1

    @classmethod
    def from_string(cls, s):
        parts = [int(p) for p in s.split("-")]
        return cls(parts[0], parts[1], parts[2])

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @classmethod
    def count(cls):
        return f"{cls.__name__}: {cls.created}"

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m:02d}, {self.d:02d})"

class Holiday(Date):
    pass

d = Date.from_string("2024-03-09")
h = Holiday.from_string("2023-12-25")
print(d, h, type(h).__name__)
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), Holiday.is_leap(2023))
print(Date.count(), Holiday.count(), d.count())
f = Date.is_leap
print(f(2020), callable(f))
class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return cls
    @staticmethod
    def helper():
        return "static"
Registry.register("a").register("b")
print(Registry.items, Registry.helper(), Registry().helper())
class Config:
    defaults = {"debug": False}
    @classmethod
    def make(cls, **overrides):
        c = cls()
        c.settings = {**cls.defaults, **overrides}
        return c
class DevConfig(Config):
    defaults = {"debug": True, "reload": True}
print(Config.make(port=1).settings, DevConfig.make().settings)
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["count"]).__name__)
