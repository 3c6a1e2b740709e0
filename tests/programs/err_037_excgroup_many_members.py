# Only the first 15 sub-exceptions of a group are printed, then "and N more exceptions".
errors = [ValueError(f"value {i}") for i in range(18)]
group = ExceptionGroup("too many", errors)
print(str(group))
print(len(group.exceptions))
raise group
