"""The blocked event loop and its fix. A ticker coroutine wants to run every 10 ms; a handler does --cpu-ms of CPU
(--offload none: inline, which blocks the loop and every other coroutine, as asyncio's debug mode warns past
100 ms) or hands it to an executor with loop.run_in_executor (--offload threads / processes), so the loop keeps
ticking. Prints the ticker's worst lateness. Run: python3 blocked_loop.py --cpu-ms 300 --offload none"""

import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

from conlab_knobs import cpu_work, iterations_per_ms, parse_knobs, report

TICK_MS = 10


def add_offload(parser):
    parser.add_argument("--offload", choices=["none", "threads", "processes"],
                        default=os.environ.get("CONLAB_OFFLOAD", "none"),
                        help="where the CPU step runs: inline on the loop, or in a thread or process executor")


async def ticker(stop, lateness):
    expected = time.perf_counter()
    while not stop.is_set():
        expected += TICK_MS / 1000
        await asyncio.sleep(max(0.0, expected - time.perf_counter()))
        lateness.append((time.perf_counter() - expected) * 1000)


async def handler(knobs, executor, iterations):
    await asyncio.sleep(0.05)  # the ticker is under way first
    for _ in range(knobs.tasks):
        if executor is None:
            cpu_work(knobs.cpu_ms, iterations)
        else:
            await asyncio.get_running_loop().run_in_executor(executor, partial(cpu_work, knobs.cpu_ms, iterations))
        await asyncio.sleep(0.05)


async def run(knobs, executor):
    iterations = iterations_per_ms()
    stop = asyncio.Event()
    lateness = []
    ticks = asyncio.create_task(ticker(stop, lateness))
    await handler(knobs, executor, iterations)
    stop.set()
    await ticks
    return max(lateness, default=0.0)


def main():
    knobs = parse_knobs(__doc__, add_offload)
    started = time.perf_counter()
    if knobs.offload == "none":
        worst = asyncio.run(run(knobs, None))
    else:
        pool = ThreadPoolExecutor if knobs.offload == "threads" else ProcessPoolExecutor
        with pool(max_workers=max(1, knobs.workers)) as executor:
            worst = asyncio.run(run(knobs, executor))
    report("blocked_loop", started, offload=knobs.offload, tasks=knobs.tasks, worst_tick_late_ms=f"{worst:.1f}")


if __name__ == "__main__":
    main()
