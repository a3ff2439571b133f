package dev.mp4j.launcher.managers;

/** A manager's Event, behind {@link EventProxy}. */
final class ManagedEvent extends TypedManaged<ManagedEvent.Op> {

    enum Op implements Operation {
        SET, CLEAR, IS_SET, WAIT
    }

    private boolean flag;

    ManagedEvent() {
        super(Op.class);
    }

    @Override
    String typeName() {
        return "Event";
    }

    @Override
    synchronized Object run(Owner owner, Op op, Object[] a) throws InterruptedException {
        return switch (op) {
            case SET -> {
                flag = true;
                notifyAll();
                yield null;
            }
            case CLEAR -> {
                flag = false;
                yield null;
            }
            case IS_SET -> flag;
            case WAIT -> {
                long deadline = Deadlines.deadline((Double) a[0]);
                while (!flag) {
                    if (!Deadlines.waitUntil(this, deadline)) {
                        break;
                    }
                }
                yield flag;
            }
        };
    }
}
