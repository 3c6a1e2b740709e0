# async def methods on a class: an account whose transfers await and keep a shared balance.
import asyncio


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = asyncio.Lock()

    async def deposit(self, amount):
        async with self.lock:
            current = self.balance
            await asyncio.sleep(0)  # a race window the lock closes
            self.balance = current + amount

    async def report(self):
        await asyncio.sleep(0)
        return f"{self.owner}: {self.balance}"


async def main():
    acct = Account("ada", 100)
    await asyncio.gather(*[acct.deposit(10) for _ in range(5)])
    print(await acct.report())
    print(asyncio.iscoroutinefunction(acct.deposit))

asyncio.run(main())
