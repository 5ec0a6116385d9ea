"""I/O-bound tasks on a thread pool: a thread waiting for its reply releases the GIL, so the waits overlap.
Requests go to conlab's latency server (CONLAB_LATENCY_SERVER), else each is a sleep of the same length.
Run: python3 io_threads.py --tasks 16 --workers 8 --io-ms 50"""

import time
from concurrent.futures import ThreadPoolExecutor

from conlab_knobs import connect, parse_knobs, report, request


def task(io_ms, token):
    conn = connect()
    try:
        request(conn, io_ms, token)
    finally:
        if conn is not None:
            conn.close()


def main():
    knobs = parse_knobs(__doc__)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=knobs.workers) as pool:
        list(pool.map(lambda token: task(knobs.io_ms, token), range(knobs.tasks)))
    report("io_threads", started, tasks=knobs.tasks, workers=knobs.workers)


if __name__ == "__main__":
    main()
