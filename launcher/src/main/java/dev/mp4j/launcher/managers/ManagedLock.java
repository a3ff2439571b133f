package dev.mp4j.launcher.managers;

/**
 * A manager's Lock or RLock, behind {@link LockProxy}: a plain lock may be released by anyone while held;
 * an RLock only by its owner, as often as it was acquired.
 */
final class ManagedLock extends TypedManaged<ManagedLock.Op> {

    enum Op implements Operation {
        ACQUIRE, RELEASE, LOCKED, OWNED
    }

    private final boolean recursive;
    private Owner owner;
    private int count;

    ManagedLock(boolean recursive) {
        super(Op.class);
        this.recursive = recursive;
    }

    @Override
    String typeName() {
        return recursive ? "RLock" : "Lock";
    }

    @Override
    Object run(Owner who, Op op, Object[] a) throws InterruptedException {
        return switch (op) {
            case ACQUIRE -> acquire(who, (Boolean) a[0], (Double) a[1]);
            case RELEASE -> {
                release(who);
                yield null;
            }
            case LOCKED -> locked();
            case OWNED -> owned(who);
        };
    }

    synchronized boolean acquire(Owner who, boolean blocking, double timeout) throws InterruptedException {
        if (recursive && who.equals(owner)) {
            count++;
            return true;
        }
        long deadline = blocking ? Deadlines.deadline(timeout) : System.nanoTime();
        while (owner != null) {
            if (!Deadlines.waitUntil(this, deadline)) {
                return false;
            }
        }
        owner = who;
        count = 1;
        return true;
    }

    synchronized void release(Owner who) {
        if (recursive) {
            if (!who.equals(owner)) {
                throw new IllegalMonitorStateException("cannot release un-acquired lock");
            }
            if (--count > 0) {
                return;
            }
        } else if (owner == null) {
            throw new IllegalStateException("release unlocked lock");
        }
        owner = null;
        count = 0;
        notifyAll();
    }

    synchronized boolean locked() {
        return owner != null;
    }

    synchronized boolean owned(Owner who) {
        return who.equals(owner);
    }

    /** For Condition.wait: lets go whatever the depth, and says how deep it was. */
    synchronized int releaseFully(Owner who) {
        if (!who.equals(owner)) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        int depth = count;
        owner = null;
        count = 0;
        notifyAll();
        return depth;
    }

    synchronized void restore(Owner who, int depth) throws InterruptedException {
        while (owner != null) {
            wait();
        }
        owner = who;
        count = depth;
    }
}
