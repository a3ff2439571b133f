"""CPython side of CoroutinesBench, standard library only (greenlet and gevent are not installed):
generator send() for switches per second, asyncio tasks for 100 000 sleeping coroutines."""
import asyncio
import statistics
import time

SWITCHES = 1_000_000
TASKS = 100_000
SLEEP = 0.01
RUNS = 3


def switch_rate():
    # Two parties handing control back and forth: each send() is one switch in, each yield one switch out.
    def partner():
        value = None
        while True:
            value = yield value

    gen = partner()
    next(gen)
    start = time.perf_counter()
    for i in range(SWITCHES // 2):
        gen.send(i)
    return SWITCHES / (time.perf_counter() - start)


async def sleeper():
    await asyncio.sleep(SLEEP)


async def spawn_join():
    start = time.perf_counter()
    tasks = [asyncio.create_task(sleeper()) for _ in range(TASKS)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - start


def main():
    rate = statistics.median(switch_rate() for _ in range(RUNS))
    print("coroutines.generator_switch_rate %.0f switches/s" % rate)
    cost = statistics.median(asyncio.run(spawn_join()) for _ in range(RUNS))
    print("coroutines.asyncio_spawn_join_100k_sleep %.4f s" % cost)


if __name__ == "__main__":
    main()
