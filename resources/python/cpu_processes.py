"""CPU-bound tasks on a process pool: each worker process has its own interpreter and GIL, so the work runs on
every core. Run: python3 cpu_processes.py --tasks 8 --workers 4 --cpu-ms 100"""

import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from conlab_knobs import cpu_work, iterations_per_ms, parse_knobs, report


def task(cpu_ms, iterations, _):
    return cpu_work(cpu_ms, iterations)


def main():
    knobs = parse_knobs(__doc__)
    iterations = iterations_per_ms()
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=knobs.workers) as pool:
        checksum = sum(pool.map(partial(task, knobs.cpu_ms, iterations), range(knobs.tasks)))
    report("cpu_processes", started, tasks=knobs.tasks, workers=knobs.workers, checksum=checksum)


if __name__ == "__main__":
    main()
