"""CPython counterpart of ProcessBench: start+join one trivial process, 100 started then joined, and a
whole program that starts one process, joins it and exits (one_child.py)."""
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
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


def program_seconds():
    """Wall time of one_child.py run as a whole program, as ProcessBench times OneChildProgram."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'one_child.py')
    start = time.perf_counter()
    subprocess.run([sys.executable, script], check=True)
    return time.perf_counter() - start


if __name__ == '__main__':
    program = statistics.median(program_seconds() for _ in range(8))
    print(f'process.program_one_child.spawn {program:.3f} s', flush=True)
    for method in ('spawn', 'fork'):
        ctx = mp.get_context(method)
        first = start_join(ctx)
        print(f'process.first_start_join.{method} {first:.2f} ms', flush=True)
        one = statistics.median(start_join(ctx) for _ in range(15))
        print(f'process.start_join_one.{method} {one:.2f} ms', flush=True)
        hundred = statistics.median(start_hundred_then_join(ctx) for _ in range(3))
        print(f'process.start_join_100.{method} {hundred:.3f} s', flush=True)
