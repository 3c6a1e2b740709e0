# iterating over a number instead of a range
class Report:
    def __init__(self, count):
        self.count = count
    def lines(self):
        return [f"line {i}" for i in self.count]
r = Report(3)
print("report for", r.count)
for line in r.lines():
    print(line)
