"""CPython counterpart of ProcessBench: start+join one trivial process, and 100 started then joined."""
import multiprocessing as mp
import statistics
import time


def noop():
    pass


def start_join(ctx):
    start = time.perf_counter()
    p = ctx.Process(target=noop)
    p.start()
    p.join()
    return (time.perf_counter() - start) * 1e3


def start_hundred_then_join(ctx):
    start = time.perf_counter()
    procs = [ctx.Process(target=noop) for _ in range(100)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return time.perf_counter() - start


if __name__ == '__main__':
    for method in ('spawn', 'fork'):
        ctx = mp.get_context(method)
        start_join(ctx)
        one = statistics.median(start_join(ctx) for _ in range(15))
        print(f'process.start_join_one.{method} {one:.2f} ms', flush=True)
        hundred = statistics.median(start_hundred_then_join(ctx) for _ in range(3))
        print(f'process.start_join_100.{method} {hundred:.3f} s', flush=True)
