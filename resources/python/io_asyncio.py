"""I/O-bound coroutines on one event loop: every request is in flight at once (up to --workers), and the loop
thread sits in its selector while they wait. Requests go to conlab's latency server (CONLAB_LATENCY_SERVER), else
each is a sleep of the same length. Run: python3 io_asyncio.py --tasks 16 --workers 16 --io-ms 50"""

import asyncio
import time

from conlab_knobs import parse_knobs, report, request_async


async def run(knobs):
    limit = asyncio.Semaphore(max(1, knobs.workers))

    async def task(token):
        async with limit:
            await request_async(knobs.io_ms, token)

    await asyncio.gather(*(task(token) for token in range(knobs.tasks)))


def main():
    knobs = parse_knobs(__doc__)
    started = time.perf_counter()
    asyncio.run(run(knobs))
    report("io_asyncio", started, tasks=knobs.tasks, workers=knobs.workers)


if __name__ == "__main__":
    main()
