"""CPU-bound tasks on a thread pool: under the GIL only one thread runs Python at a time, so more workers are no
faster than one. Run: python3 cpu_threads.py --tasks 8 --workers 4 --cpu-ms 100"""

import time
from concurrent.futures import ThreadPoolExecutor

from conlab_knobs import cpu_work, iterations_per_ms, parse_knobs, report


def main():
    knobs = parse_knobs(__doc__)
    iterations = iterations_per_ms()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=knobs.workers) as pool:
        checksum = sum(pool.map(lambda _: cpu_work(knobs.cpu_ms, iterations), range(knobs.tasks)))
    report("cpu_threads", started, tasks=knobs.tasks, workers=knobs.workers, checksum=checksum)


if __name__ == "__main__":
    main()
