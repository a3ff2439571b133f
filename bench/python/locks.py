"""CPython side of LocksBench: multiprocessing.Value += 1 under its lock by two processes (spawn and
fork), and an uncontended multiprocessing.Lock acquire + release. Standard library only.

Each figure is the median of several rounds; the two workers are started once and run every round
(ready -> go -> N increments each -> done), so process start-up is not counted.
"""
import multiprocessing as mp
import statistics
import sys
import time

ROUNDS = 5
PER_PROCESS = 100_000


def worker(value, n, rounds, ready, go, done):
    for r in range(rounds):
        ready.release()
        go[r].wait()
        for _ in range(n):
            with value.get_lock():
                value.value += 1
        done.release()


def value_increments(method):
    ctx = mp.get_context(method)
    value = ctx.Value('l', 0)
    ready, done = ctx.Semaphore(0), ctx.Semaphore(0)
    go = [ctx.Event() for _ in range(ROUNDS)]
    procs = [ctx.Process(target=worker, args=(value, PER_PROCESS, ROUNDS, ready, go, done)) for _ in range(2)]
    for p in procs:
        p.start()
    rates = []
    for r in range(ROUNDS):
        ready.acquire()
        ready.acquire()
        start = time.perf_counter()
        go[r].set()
        done.acquire()
        done.acquire()
        rates.append(2 * PER_PROCESS / (time.perf_counter() - start))
    for p in procs:
        p.join()
    assert value.value == 2 * PER_PROCESS * ROUNDS, value.value
    return statistics.median(rates)


def uncontended_lock():
    lock = mp.Lock()
    rates = []
    n = 1_000_000
    for _ in range(ROUNDS):
        acquire, release = lock.acquire, lock.release
        start = time.perf_counter()
        for _ in range(n):
            acquire()
            release()
        rates.append(n / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    print(f"locks.value_increment.spawn {value_increments('spawn'):.0f} increments/s")
    if 'fork' in mp.get_all_start_methods():
        print(f"locks.value_increment.fork {value_increments('fork'):.0f} increments/s")
    print(f"locks.uncontended_lock {uncontended_lock():.0f} ops/s")
    sys.stdout.flush()


if __name__ == '__main__':
    main()
