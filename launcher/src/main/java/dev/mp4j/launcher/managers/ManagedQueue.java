package dev.mp4j.launcher.managers;

import dev.mp4j.launcher.Empty;
import dev.mp4j.launcher.Full;
import java.util.ArrayDeque;

/** A manager's Queue or JoinableQueue (maxsize 0 = unbounded), behind {@link QueueProxy}, with Python's Empty/Full and task counting. */
final class ManagedQueue extends TypedManaged<ManagedQueue.Op> {

    enum Op implements Operation {
        PUT, GET, QSIZE, EMPTY, FULL, TASK_DONE, JOIN
    }

    private final int maxsize;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private final boolean joinable;
    private long unfinished;

    ManagedQueue(int maxsize, boolean joinable) {
        super(Op.class);
        this.maxsize = maxsize;
        this.joinable = joinable;
    }

    @Override
    String typeName() {
        return joinable ? "JoinableQueue" : "Queue";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) throws InterruptedException {
        return switch (op) {
            case PUT -> {
                boolean block = (Boolean) a[1];
                long deadline = block ? Deadlines.deadline((Double) a[2]) : System.nanoTime();
                while (maxsize > 0 && items.size() >= maxsize) {
                    if (!Deadlines.waitUntil(this, deadline)) {
                        throw new Full();
                    }
                }
                items.add(new Item(a[0]));
                unfinished++;
                notifyAll();
                yield null;
            }
            case GET -> {
                boolean block = (Boolean) a[0];
                long deadline = block ? Deadlines.deadline((Double) a[1]) : System.nanoTime();
                while (items.isEmpty()) {
                    if (!Deadlines.waitUntil(this, deadline)) {
                        throw new Empty();
                    }
                }
                Object item = items.poll().value;
                notifyAll();
                yield item;
            }
            case QSIZE -> items.size();
            case EMPTY -> items.isEmpty();
            case FULL -> maxsize > 0 && items.size() >= maxsize;
            case TASK_DONE -> {
                requireJoinable(op);
                if (unfinished <= 0) {
                    throw new IllegalStateException("task_done() called too many times");
                }
                if (--unfinished == 0) {
                    notifyAll();
                }
                yield null;
            }
            case JOIN -> {
                requireJoinable(op);
                while (unfinished > 0) {
                    wait();
                }
                yield null;
            }
        };
    }

    private void requireJoinable(Op op) {
        if (!joinable) {
            throw new UnsupportedOperationException("'Queue' has no method '" + op.wireName() + "' on the manager");
        }
    }

    /** Keeps null items apart from "no item". */
    private record Item(Object value) {
    }
}
