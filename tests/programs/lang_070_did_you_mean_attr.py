# a typo in a method name: CPython's last line suggests the closest attribute
class Playlist:
    def __init__(self, name):
        self.name = name
        self.songs = []

    def add_song(self, title):
        self.songs.append(title)
        return self

p = Playlist("road trip")
p.add_song("one").add_song("two")
print(p.name, p.songs)
try:
    p.song
except AttributeError as e:
    print("caught:", e, "| name:", e.name, "| same object:", e.obj is p)
p.add_sogn("three")
