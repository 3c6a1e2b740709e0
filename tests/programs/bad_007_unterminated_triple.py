# A triple-quoted string that runs to the end of the file.
print("fine")
doc = """starts here
and continues
to the end of the file
