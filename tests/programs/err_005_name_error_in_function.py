# NameError raised inside nested calls.
def level3():
    return helper_that_does_not_exist()

def level2():
    return level3()

def level1():
    print("entering level1")
    return level2()

level1()
