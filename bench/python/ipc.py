"""CPython counterpart of IpcBench: Pipe round trips and Queue throughput, spawn start method."""
import multiprocessing as mp
import statistics
import sys
import time

RUNS = 5
SMALL_ROUND_TRIPS = 20_000
BIG_ROUND_TRIPS = 200
BIG_BYTES = 1 << 20
QUEUE_ITEMS = 200_000


def echo(conn):
    while True:
        message = conn.recv_bytes()
        if not message:
            return
        conn.send_bytes(message)


def drain(queue, done, rounds, items):
    for _ in range(rounds):
        for _ in range(items):
            queue.get()
        done.put("done")


def median_of(runs, measure):
    return statistics.median(measure() for _ in range(runs))


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    ctx = mp.get_context("spawn")

    here, there = ctx.Pipe()
    p = ctx.Process(target=echo, args=(there,))
    p.start()
    small = 42

    def round_trips():
        start = time.perf_counter()
        for _ in range(SMALL_ROUND_TRIPS):
            here.send(small)
            here.recv()
        return (time.perf_counter() - start) * 1e6 / SMALL_ROUND_TRIPS

    round_trips()  # warm-up, as on the Java side
    round_trip = median_of(runs, round_trips)
    big = bytes(BIG_BYTES)

    def big_trips():
        start = time.perf_counter()
        for _ in range(BIG_ROUND_TRIPS):
            here.send_bytes(big)
            here.recv_bytes()
        return 2.0 * BIG_ROUND_TRIPS * BIG_BYTES / (1 << 20) / (time.perf_counter() - start)

    mib = median_of(runs, big_trips)
    here.send_bytes(b"")
    p.join()

    queue, done = ctx.Queue(), ctx.Queue()
    rounds = runs + 1
    p = ctx.Process(target=drain, args=(queue, done, rounds, QUEUE_ITEMS))
    p.start()
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for i in range(QUEUE_ITEMS):
            queue.put(i)
        done.get()
        rates.append(QUEUE_ITEMS / (time.perf_counter() - start))
    p.join()

    print(f"ipc.pipe_round_trip {round_trip:.2f} us")
    print(f"ipc.pipe_1mib_throughput {mib:.0f} MiB/s")
    print(f"ipc.queue_parent_to_child {statistics.median(rates[1:]):.0f} items/s")


if __name__ == "__main__":
    main()
