"""CPython counterpart of IpcBench: Pipe round trips, Queue throughput both ways and the 10 x 10 load
through a Queue(3), spawn start method."""
import multiprocessing as mp
import statistics
import sys
import time

RUNS = 5
SMALL_ROUND_TRIPS = 20_000
BIG_ROUND_TRIPS = 200
BIG_BYTES = 1 << 20
QUEUE_ITEMS = 200_000
LOAD_PROCESSES = 10
LOAD_ITEMS = 100_000
LOAD_RUNS = 3  # the load's figure is a median, as on the Java side
LOAD_DONE = -1


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


def fill(queue, go, rounds, items):
    for _ in range(rounds):
        go.get()
        for i in range(items):
            queue.put(i)


def produce(queue, first, count):
    for i in range(first, first + count):
        queue.put(i)


def consume(queue, counts, items):
    seen = [0] * items
    while True:
        item = queue.get()
        if item == LOAD_DONE:
            break
        seen[item] += 1
    counts.put(seen)


def load(ctx, items):
    queue, counts = ctx.Queue(3), ctx.Queue()
    each = items // LOAD_PROCESSES
    producers = [ctx.Process(target=produce, args=(queue, i * each, each)) for i in range(LOAD_PROCESSES)]
    consumers = [ctx.Process(target=consume, args=(queue, counts, items)) for _ in range(LOAD_PROCESSES)]
    start = time.perf_counter()
    for p in consumers + producers:
        p.start()
    for p in producers:
        p.join()
    for _ in range(LOAD_PROCESSES):
        queue.put(LOAD_DONE)
    total = [0] * items
    for _ in range(LOAD_PROCESSES):
        for item, n in enumerate(counts.get()):
            total[item] += n
    seconds = time.perf_counter() - start
    for p in consumers:
        p.join()
    lost = sum(1 for n in total if n == 0)
    duplicated = sum(1 for n in total if n > 1)
    if lost or duplicated:
        raise RuntimeError(f"10x10 load: {lost} items lost, {duplicated} duplicated")
    return seconds


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

    from_child, go = ctx.Queue(), ctx.Queue()
    p = ctx.Process(target=fill, args=(from_child, go, rounds, QUEUE_ITEMS))
    p.start()
    up_rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        go.put("go")
        for _ in range(QUEUE_ITEMS):
            from_child.get()
        up_rates.append(QUEUE_ITEMS / (time.perf_counter() - start))
    p.join()

    load_items = int(sys.argv[2]) if len(sys.argv) > 2 else LOAD_ITEMS
    load_seconds = median_of(LOAD_RUNS, lambda: load(ctx, load_items))

    print(f"ipc.pipe_round_trip {round_trip:.2f} us")
    print(f"ipc.pipe_1mib_throughput {mib:.0f} MiB/s")
    print(f"ipc.queue_parent_to_child {statistics.median(rates[1:]):.0f} items/s")
    print(f"ipc.queue_child_to_parent {statistics.median(up_rates[1:]):.0f} items/s")
    print(f"ipc.queue_10x10_load {load_seconds:.2f} s")
    print(f"ipc.queue_10x10_load_rate {load_items / load_seconds:.0f} items/s")


if __name__ == "__main__":
    main()
