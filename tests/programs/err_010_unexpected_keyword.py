# Uncaught TypeError: unexpected keyword argument.
def connect(host, port=80):
    return host + ":" + str(port)

print(connect("example", port=8080))
connect("example", timeout=5)
