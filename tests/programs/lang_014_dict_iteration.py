# iterating dicts, views, ordering, equality, nested dicts
config = {"host": "localhost", "port": 8080, "debug": True}
for key in config:
    print(key, "->", config[key])
for key, value in config.items():
    print(f"{key:>6} = {value!r}")
print([k.upper() for k in config.keys()], [type(v).__name__ for v in config.values()])
config["port"] = 9090
config["user"] = "root"
del config["host"]
config["host"] = "example.org"
print(config)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
keys = config.keys()
config["extra"] = None
print(len(keys), "extra" in keys, list(keys)[-1])
print(config.keys() & {"host", "nope"}, sorted(config.keys() - {"debug"}))
nested = {"db": {"name": "app", "tables": ["users", "posts"]}, "cache": {}}
print(nested["db"]["tables"][1], nested.get("cache"), nested)
for section, opts in nested.items():
    print(section, len(opts), sorted(opts))
inverse = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverse)
print(list(reversed({"x": 1, "y": 2, "z": 3})), list(reversed({"x": 1}.items())))
counts = dict(zip(["red", "green", "blue"], [3, 1, 2]))
print(max(counts, key=counts.get), sorted(counts, key=counts.get))
try:
    for k in config:
        config["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(dict(), {}, repr({"q": "it's"}), str({1: [2, {3: 4}]}))
