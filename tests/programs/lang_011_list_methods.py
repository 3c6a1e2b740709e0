# list methods: append extend insert pop remove index count sort reverse copy clear
tasks = ["write", "test"]
tasks.append("ship")
tasks.extend(["rest", "repeat"])
tasks.extend(("a", "b"))
tasks.extend("xy")
tasks.insert(0, "plan")
tasks.insert(-1, "mid")
tasks.insert(100, "end")
tasks.insert(-100, "start")
print(tasks, len(tasks))
print(tasks.pop(), tasks.pop(0), tasks.pop(-2), tasks)
tasks.remove("rest")
print(tasks.index("test"), tasks.index("a", 2), tasks.count("write"), tasks.count("nope"))
nums = [5, 3, 8, 1, 9, 2]
copy = nums.copy()
nums.sort()
print(nums, copy)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
copy.clear()
print(copy, nums)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
a = [1, 2]
b = a
b += [3]
print(a, a is b)
a *= 2
print(a, [0] * 3, 2 * ["x"], [] * 5)
print([1, 2] + [3], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
nested = [[1, 2], [3]]
shallow = nested.copy()
shallow[0].append(99)
print(nested, shallow, nested == shallow)
