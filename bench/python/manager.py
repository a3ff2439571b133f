"""CPython counterpart of ManagerBench: dict set operations per second from a child through a proxy (spawn)."""
import multiprocessing as mp
import statistics
import time

WARMUP = 5_000
OPS = 50_000
RUNS = 3


def setter(d, out):
    for i in range(WARMUP):
        d[i] = i
    start = time.perf_counter()
    for i in range(OPS):
        d[i] = i
    out[0] = OPS / (time.perf_counter() - start)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Manager() as manager:
        rates = []
        for _ in range(RUNS):
            d = manager.dict()
            out = manager.list([0.0])
            p = mp.Process(target=setter, args=(d, out))
            p.start()
            p.join()
            rates.append(out[0])
        print("manager.dict_set_from_child %.0f ops/s" % statistics.median(rates))
