#!/usr/bin/env python3
"""Per-task dispatch overhead of CPython's own pools, for the README's comparison column.

Same shape as conlab-bench's BM_Dispatch*: many empty tasks through a pool that is already started, wall time
divided by the number of tasks. Standard library only.
"""
import asyncio
import concurrent.futures as cf
import json
import sys
import time


def empty():
    return None


async def empty_coroutine():
    return None


def per_task_us(run, tasks, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(tasks)
        best = min(best, time.perf_counter() - start)
    return best / tasks * 1e6


def pool_runner(pool):
    def run(tasks):
        for future in [pool.submit(empty) for _ in range(tasks)]:
            future.result()
    return run


def asyncio_runner(tasks):
    async def main():
        await asyncio.gather(*(asyncio.create_task(empty_coroutine()) for _ in range(tasks)))
    loop = asyncio.new_event_loop()
    def run(n):
        loop.run_until_complete(main())
    return run, loop


def measure():
    figures = {"version": sys.version.split()[0]}
    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        pool_runner(pool)(100)  # start the threads first: a pre-started pool
        figures["threads_us"] = per_task_us(pool_runner(pool), 20000)
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        pool_runner(pool)(100)
        figures["processes_us"] = per_task_us(pool_runner(pool), 5000)
    run, loop = asyncio_runner(20000)
    figures["asyncio_us"] = per_task_us(run, 20000)
    loop.close()
    return figures


def main():
    figures = measure()
    # --json: one object, for conlab-bench's BM_DispatchCPython, which prints these beside its own figures.
    if "--json" in sys.argv[1:]:
        print(json.dumps(figures))
        return
    print(f"CPython {figures['version']}")
    print(f"ThreadPoolExecutor(2):  {figures['threads_us']:8.2f} us per task")
    print(f"ProcessPoolExecutor(2): {figures['processes_us']:8.2f} us per task")
    print(f"asyncio (gather):       {figures['asyncio_us']:8.2f} us per task")


if __name__ == "__main__":
    main()
