# asyncio_sync: placeholder until the library lands
