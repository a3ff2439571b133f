package dev.mp4j.launcher.managers;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A manager's Condition, behind {@link ConditionProxy}, as CPython's: each waiter parks on its own gate, notify opens the oldest gates. */
final class ManagedCondition extends TypedManaged<ManagedCondition.Op> {

    enum Op implements Operation {
        ACQUIRE, RELEASE, WAIT, NOTIFY, NOTIFY_ALL
    }

    private final ManagedLock lock = new ManagedLock(true);
    private final ArrayDeque<Semaphore> waiters = new ArrayDeque<>();

    ManagedCondition() {
        super(Op.class);
    }

    @Override
    String typeName() {
        return "Condition";
    }

    @Override
    Object run(Owner who, Op op, Object[] a) throws InterruptedException {
        return switch (op) {
            case ACQUIRE -> lock.acquire(who, (Boolean) a[0], (Double) a[1]);
            case RELEASE -> {
                lock.release(who);
                yield null;
            }
            case WAIT -> await(who, (Double) a[0]);
            case NOTIFY -> {
                notify(who, (Integer) a[0]);
                yield null;
            }
            case NOTIFY_ALL -> {
                notify(who, Integer.MAX_VALUE);
                yield null;
            }
        };
    }

    private boolean await(Owner who, double timeout) throws InterruptedException {
        if (!lock.owned(who)) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        // Queue the gate before letting go of the lock, so a notifier who takes the lock next finds it.
        Semaphore gate = new Semaphore(0);
        synchronized (waiters) {
            waiters.add(gate);
        }
        int depth = lock.releaseFully(who);
        boolean notified = false;
        try {
            if (Deadlines.nanos(timeout) == Deadlines.FOREVER) {
                gate.acquire();
                notified = true;
            } else {
                notified = gate.tryAcquire(Deadlines.nanos(timeout), TimeUnit.NANOSECONDS);
            }
        } finally {
            if (!notified) {
                synchronized (waiters) {
                    waiters.remove(gate);
                }
            }
            lock.restore(who, depth);
        }
        return notified;
    }

    private void notify(Owner who, int n) {
        if (!lock.owned(who)) {
            throw new IllegalMonitorStateException("cannot notify on un-acquired lock");
        }
        synchronized (waiters) {
            for (int i = 0; i < n && !waiters.isEmpty(); i++) {
                waiters.poll().release();
            }
        }
    }
}
