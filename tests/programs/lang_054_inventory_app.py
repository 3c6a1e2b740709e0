# a small inventory program in the style of a Python course
class Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty

    @property
    def total(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, qty={self.qty})"

class OutOfStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"only {item.qty} {item.name} left, wanted {wanted}")
        self.item = item

class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, price, qty):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)

    def take(self, name, qty):
        item = self.items[name]
        if item.qty < qty:
            raise OutOfStock(item, qty)
        item.qty -= qty
        return item.price * qty

    def report(self):
        lines = [f"{'name':<8}{'price':>8}{'qty':>5}{'total':>9}"]
        for item in sorted(self.items.values(), key=lambda i: (-i.total, i.name)):
            lines.append(f"{item.name:<8}{item.price:>8.2f}{item.qty:>5}{item.total:>9.2f}")
        lines.append(f"{'':<8}{'':>8}{sum(i.qty for i in self.items.values()) if False else sum([i.qty for i in self.items.values()]):>5}"
                     f"{sum([i.total for i in self.items.values()]):>9.2f}")
        return "\n".join(lines)

inv = Inventory()
inv.add("apple", 0.5, 40)
inv.add("pear", 0.75, 10)
inv.add("melon", 2.99, 3)
inv.add("apple", 0.5, 10)
print(inv.report())
print(inv.take("apple", 12), inv.items["apple"])
for name, qty in [("melon", 2), ("melon", 2), ("kiwi", 1)]:
    try:
        print("sold", name, inv.take(name, qty))
    except OutOfStock as e:
        print("OutOfStock:", e, "|", e.item)
    except KeyError as e:
        print("KeyError:", e)
print(inv.report())
cheap = [i.name for i in inv.items.values() if i.price < 1]
print(cheap, max(inv.items.values(), key=lambda i: i.price).name)
