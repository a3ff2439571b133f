"""CPython counterpart of PoolBench: multiprocessing.Pool with the spawn start method.

Figures (medians): apply_async + get throughput with a warm pool of cpu_count workers, and
map of 100 000 tiny items.
"""
import multiprocessing as mp
import os
import statistics
import time

TASKS = 20_000
ITEMS = 100_000
RUNS = 5


def identity(x):
    return x


def square(x):
    return x * x


def apply_async_rate(pool):
    start = time.perf_counter()
    results = [pool.apply_async(identity, (i,)) for i in range(TASKS)]
    for r in results:
        r.get()
    return TASKS / (time.perf_counter() - start)


def map_seconds(pool, items):
    start = time.perf_counter()
    pool.map(square, items)
    return time.perf_counter() - start


if __name__ == '__main__':
    mp.set_start_method('spawn')
    with mp.Pool(os.cpu_count()) as pool:
        pool.map(identity, range(1000))  # warm: every worker started and has run a task
        rate = statistics.median(apply_async_rate(pool) for _ in range(RUNS))
        items = list(range(ITEMS))
        seconds = statistics.median(map_seconds(pool, items) for _ in range(RUNS))
    print(f"pool.apply_async_rate {rate:.0f} tasks/s")
    print(f"pool.map_100k {seconds:.4f} s")
