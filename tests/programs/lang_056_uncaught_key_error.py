# a missing key in a nested lookup ends the program
users = {"ada": {"email": "ada@example.com"}, "bob": {}}
for name in ["ada", "bob"]:
    print(name, users[name].get("email", "-"))
print(users["bob"]["email"])
