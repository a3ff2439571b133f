"""The whole-program counterpart of OneChildProgram: start one trivial process (spawn), join it, exit."""
import multiprocessing as mp


def noop():
    pass


if __name__ == '__main__':
    p = mp.get_context('spawn').Process(target=noop)
    p.start()
    p.join()
