package dev.mp4j.launcher.managers;

/** A manager's Semaphore or BoundedSemaphore, behind {@link SemaphoreProxy}. */
final class ManagedSemaphore extends TypedManaged<ManagedSemaphore.Op> {

    enum Op implements Operation {
        ACQUIRE, RELEASE, VALUE
    }

    private final int bound;
    private int value;

    ManagedSemaphore(int value, boolean bounded) {
        super(Op.class);
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        this.value = value;
        this.bound = bounded ? value : Integer.MAX_VALUE;
    }

    @Override
    String typeName() {
        return "Semaphore";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) throws InterruptedException {
        return switch (op) {
            case ACQUIRE -> {
                long deadline = (Boolean) a[0] ? Deadlines.deadline((Double) a[1]) : System.nanoTime();
                while (value == 0) {
                    if (!Deadlines.waitUntil(this, deadline)) {
                        yield false;
                    }
                }
                value--;
                yield true;
            }
            case RELEASE -> {
                int n = (Integer) a[0];
                if (n < 1) {
                    throw new IllegalArgumentException("n must be one or more");
                }
                if (value + (long) n > bound) {
                    throw new IllegalStateException("Semaphore released too many times");
                }
                value += n;
                notifyAll();
                yield null;
            }
            case VALUE -> value;
        };
    }
}
