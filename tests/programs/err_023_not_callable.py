# Uncaught TypeError: calling a non-callable.
handlers = {"ok": len, "bad": 42}
print(handlers["ok"]("abc"))
handlers["bad"]("abc")
