# asyncio_tasks: placeholder until the library lands
