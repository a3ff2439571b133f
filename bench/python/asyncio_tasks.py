"""CPython side of AsyncioBench: asyncio tasks created and gathered.

Prints `figure value unit` lines (medians), the same names as the Java suite:
  asyncio.trivial_tasks_100k  - create 100 000 trivial tasks and gather them
  asyncio.sleep_tasks_10k     - 10 000 tasks each sleeping 10 ms, concurrently, gathered
Standard library only.
"""
import asyncio
import statistics
import time

RUNS = 5


async def trivial(i):
    return i


async def sleeper(i):
    await asyncio.sleep(0.01)
    return i


async def trivial_tasks(n):
    start = time.perf_counter()
    results = await asyncio.gather(*[asyncio.ensure_future(trivial(i)) for i in range(n)])
    elapsed = time.perf_counter() - start
    assert len(results) == n and results[-1] == n - 1
    return elapsed


async def sleep_tasks(n):
    start = time.perf_counter()
    results = await asyncio.gather(*[asyncio.ensure_future(sleeper(i)) for i in range(n)])
    elapsed = time.perf_counter() - start
    assert len(results) == n
    return elapsed


def median_of(coroutine_function, n):
    asyncio.run(coroutine_function(n // 10))  # warm-up
    return statistics.median(asyncio.run(coroutine_function(n)) for _ in range(RUNS))


def main():
    print("asyncio.trivial_tasks_100k %.4f s" % median_of(trivial_tasks, 100_000))
    print("asyncio.sleep_tasks_10k %.4f s" % median_of(sleep_tasks, 10_000))


if __name__ == "__main__":
    main()
