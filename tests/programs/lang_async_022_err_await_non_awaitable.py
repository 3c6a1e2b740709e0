# Awaiting a plain value is a TypeError at run time.
async def main():
    print("before")
    await len("abc")
    print("never")


c = main()
c.send(None)
