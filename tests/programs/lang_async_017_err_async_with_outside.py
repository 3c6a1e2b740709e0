# 'async with' is only allowed inside async def.
class Manager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


def not_async():
    async with Manager():
        pass


print("never printed: this is a compile-time error")
