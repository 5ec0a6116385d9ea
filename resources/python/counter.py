"""A shared counter incremented by several threads. The read and the write of `counter = value + 1` are separate
steps, and the GIL may pass to another thread between them: updates get lost. With --lock each read-modify-write
holds a threading.Lock, and none are. Run: python3 counter.py --tasks 4 --increments 100000 [--lock]"""

import threading
import time

from conlab_knobs import parse_knobs, report

counter = 0


def add_lock_flag(parser):
    parser.add_argument("--lock", action="store_true", default=False,
                        help="hold a lock around each read-modify-write")


def work():
    # A little work between the read and the write, as a real update has; it widens the window a switch can hit.
    return sum(range(20))


def increment(times, lock):
    global counter
    for _ in range(times):
        if lock is not None:
            with lock:
                value = counter
                work()
                counter = value + 1
        else:
            value = counter
            work()
            counter = value + 1


def main():
    knobs = parse_knobs(__doc__, add_lock_flag)
    lock = threading.Lock() if knobs.lock else None
    started = time.perf_counter()
    threads = [threading.Thread(target=increment, args=(knobs.increments, lock), name=f"counter-{i}")
               for i in range(knobs.tasks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = knobs.tasks * knobs.increments
    report("counter", started, expected=expected, actual=counter, lost=expected - counter,
           lock="yes" if knobs.lock else "no")


if __name__ == "__main__":
    main()
