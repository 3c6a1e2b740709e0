# A keyword used as a variable name.
for = "first"
