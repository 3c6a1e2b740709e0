# asyncio: placeholder while the core lands
