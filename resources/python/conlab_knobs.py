"""What every conlab example shares: the workload knobs, a measured unit of CPU work, and one request to
conlab's loopback latency server (or a sleep of the same length when there is none).

The knobs are those of conlab's emulated workloads. Under `conlab run --model python` they come from conlab
(CONLAB_TASKS, CONLAB_WORKERS, CONLAB_CPU_MS, CONLAB_IO_MS, CONLAB_INCREMENTS); run by hand, from the command line
(--tasks, --workers, --cpu-ms, --io-ms, --increments), which also overrides what conlab passed.
"""

import argparse
import asyncio
import os
import socket
import struct
import time


def parse_knobs(description, extra=None):
    env = os.environ
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--tasks", type=int, default=int(env.get("CONLAB_TASKS", 8)), help="number of tasks")
    parser.add_argument("--workers", type=int, default=int(env.get("CONLAB_WORKERS", os.cpu_count() or 1)),
                        help="threads or processes")
    parser.add_argument("--cpu-ms", type=float, default=float(env.get("CONLAB_CPU_MS", 100)),
                        help="milliseconds of CPU per task")
    parser.add_argument("--io-ms", type=float, default=float(env.get("CONLAB_IO_MS", 50)),
                        help="server latency (or sleep) per request, in ms")
    parser.add_argument("--increments", type=int, default=int(env.get("CONLAB_INCREMENTS", 100000)),
                        help="counter: increments per task")
    if extra:
        extra(parser)
    return parser.parse_args()


# CPU work is a fixed number of loop iterations, measured once against the clock: a thread that waits for the GIL
# does the same work later, rather than less work in the same time.
_iterations_per_ms = None


def iterations_per_ms():
    global _iterations_per_ms
    if _iterations_per_ms is None:
        given = os.environ.get("CONLAB_ITERATIONS_PER_MS")
        if given:
            _iterations_per_ms = float(given)
        else:
            # Timed on this thread's CPU clock, so a busy machine does not make the unit smaller; grown to 20 ms,
            # then the fastest of three.
            n = 10000
            while _timed(n) < 0.02:
                n *= 2
            best = min(_timed(n) for _ in range(3))
            _iterations_per_ms = n / (best * 1000)
            # Measured once per interpreter; processes forked later inherit it, spawned ones get it here.
            os.environ["CONLAB_ITERATIONS_PER_MS"] = repr(_iterations_per_ms)
    return _iterations_per_ms


def _timed(iterations):
    start = time.thread_time()
    burn(iterations)
    return time.thread_time() - start


def burn(iterations):
    x = 0
    for i in range(iterations):
        x = (x * 31 + i) & 0xFFFFFFFF
    return x


def cpu_work(cpu_ms, iterations=None):
    """About cpu_ms of pure-Python CPU (it holds the GIL all along); returns a checksum."""
    return burn(int(cpu_ms * (iterations or iterations_per_ms())))


def latency_server():
    """(host, port) of conlab's loopback latency server, or None when not run by conlab."""
    address = os.environ.get("CONLAB_LATENCY_SERVER")
    if not address:
        return None
    host, _, port = address.rpartition(":")
    return host, int(port)


# conlab's latency server: a request is 16 bytes {uint64 token, uint64 delay in microseconds}, the reply 16 bytes
# {uint64 token, int64 the server's send time}, both in this machine's byte order.
_REQUEST = struct.Struct("=QQ")


def connect():
    server = latency_server()
    if server is None:
        return None
    conn = socket.create_connection(server)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def request(conn, io_ms, token=0):
    """One round trip that the server answers after io_ms; a plain sleep without a server (conn None)."""
    if conn is None:
        time.sleep(io_ms / 1000)
        return
    conn.sendall(_REQUEST.pack(token, int(io_ms * 1000)))
    reply = b""
    while len(reply) < _REQUEST.size:
        chunk = conn.recv(_REQUEST.size - len(reply))
        if not chunk:
            raise ConnectionError("the latency server closed the connection")
        reply += chunk


async def request_async(io_ms, token=0):
    """The same request from a coroutine: the loop serves others while the reply is due."""
    server = latency_server()
    if server is None:
        await asyncio.sleep(io_ms / 1000)
        return
    reader, writer = await asyncio.open_connection(*server)
    try:
        writer.write(_REQUEST.pack(token, int(io_ms * 1000)))
        await writer.drain()
        await reader.readexactly(_REQUEST.size)
    finally:
        writer.close()
        await writer.wait_closed()


def report(name, started, **numbers):
    fields = " ".join(f"{key}={value}" for key, value in numbers.items())
    print(f"{name}: {time.perf_counter() - started:.3f} s {fields}".rstrip(), flush=True)
