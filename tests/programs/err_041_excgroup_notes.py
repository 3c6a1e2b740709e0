# __notes__ print after an exception's last line, each line of each note with the margin.
first = ValueError("bad value")
first.__notes__ = ["checked in step 1", "two\nlines"]
second = KeyError("k")
second.__notes__ = ["the last note"]
group = ExceptionGroup("noted", [first, second])
group.__notes__ = ["a note on the group"]
print(group.__notes__)
raise group
