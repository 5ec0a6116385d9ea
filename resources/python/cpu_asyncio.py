"""CPU-bound coroutines on one event loop: nothing awaits, so each task runs to its end before the next starts,
and the loop is blocked all along. Run: python3 cpu_asyncio.py --tasks 8 --cpu-ms 100"""

import asyncio
import time

from conlab_knobs import cpu_work, iterations_per_ms, parse_knobs, report


async def task(cpu_ms, iterations):
    return cpu_work(cpu_ms, iterations)


async def run(knobs):
    iterations = iterations_per_ms()
    return sum(await asyncio.gather(*(task(knobs.cpu_ms, iterations) for _ in range(knobs.tasks))))


def main():
    knobs = parse_knobs(__doc__)
    started = time.perf_counter()
    checksum = asyncio.run(run(knobs))
    report("cpu_asyncio", started, tasks=knobs.tasks, checksum=checksum)


if __name__ == "__main__":
    main()
