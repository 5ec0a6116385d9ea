"""The convoy effect: one CPU-bound thread beside one thread making round trips. Each time a reply arrives the
I/O thread needs the GIL back, and waits for the CPU thread to drop it (up to the switch interval, 5 ms): a round
trip of --io-ms takes milliseconds longer. With --cpu-ms 0 the I/O thread runs alone for comparison.
Run: python3 convoy.py --cpu-ms 1000 --io-ms 0.1"""

import statistics
import threading
import time

from conlab_knobs import connect, cpu_work, iterations_per_ms, parse_knobs, request

# Without a CPU thread the round trips still need a duration to fill.
ALONE_MS = 500


def main():
    knobs = parse_knobs(__doc__)
    iterations = iterations_per_ms()
    done = threading.Event()
    round_trips = []

    def io_thread():
        conn = connect()
        try:
            deadline = time.perf_counter() + (knobs.cpu_ms or ALONE_MS) / 1000 * 4
            while not done.is_set() and time.perf_counter() < deadline:
                start = time.perf_counter()
                request(conn, knobs.io_ms)
                round_trips.append((time.perf_counter() - start) * 1000)
        finally:
            if conn is not None:
                conn.close()

    def cpu_thread():
        if knobs.cpu_ms > 0:
            cpu_work(knobs.cpu_ms, iterations)
        else:
            time.sleep(ALONE_MS / 1000)
        done.set()

    threads = [threading.Thread(target=io_thread, name="io"), threading.Thread(target=cpu_thread, name="cpu")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    median = statistics.median(round_trips) if round_trips else float("nan")
    print(f"convoy: round-trip median {median:.3f} ms over {len(round_trips)} round trips "
          f"(requested {knobs.io_ms} ms, CPU thread {knobs.cpu_ms} ms)", flush=True)


if __name__ == "__main__":
    main()
