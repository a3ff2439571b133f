"""CPython counterpart of PoolBench: multiprocessing.Pool with the spawn start method.

Figures (medians): apply_async + get throughput with a warm pool of cpu_count workers, and
map of 100 000 tiny items; cold, on fresh pools: 5 000 apply_async + get, and a map on Pool(2).
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


COLD_TASKS = 5_000
COLD_RUNS = 5


def cold_apply_rates():
    """A fresh pool of cpu_count workers, 5 000 tasks submitted and got, twice: what a short program sees."""
    with mp.Pool(os.cpu_count()) as pool:
        rates = []
        for _ in range(2):
            start = time.perf_counter()
            results = [pool.apply_async(identity, (i,)) for i in range(COLD_TASKS)]
            for r in results:
                r.get()
            rates.append(COLD_TASKS / (time.perf_counter() - start))
        return rates


def cold_map_seconds(items):
    with mp.Pool(2) as pool:
        return map_seconds(pool, items)


if __name__ == '__main__':
    mp.set_start_method('spawn')
    cold = [cold_apply_rates() for _ in range(COLD_RUNS)]
    print(f"pool.cold.apply_async_rate_5k {statistics.median(c[0] for c in cold):.0f} tasks/s")
    print(f"pool.cold.apply_async_rate_5k_second_pass {statistics.median(c[1] for c in cold):.0f} tasks/s")
    items = list(range(ITEMS))
    cold_map = statistics.median(cold_map_seconds(items) for _ in range(COLD_RUNS))
    print(f"pool.cold.map_100k_pool2 {cold_map:.4f} s")
    with mp.Pool(os.cpu_count()) as pool:
        pool.map(identity, range(1000))  # warm: every worker started and has run a task
        rate = statistics.median(apply_async_rate(pool) for _ in range(RUNS))
        items = list(range(ITEMS))
        seconds = statistics.median(map_seconds(pool, items) for _ in range(RUNS))
    print(f"pool.apply_async_rate {rate:.0f} tasks/s")
    print(f"pool.map_100k {seconds:.4f} s")
