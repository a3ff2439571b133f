package dev.mp4j.launcher.managers;

import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The objects a Manager server holds: plain Java objects in the server JVM, each reached through
 * {@link Managed#call}. Every call runs as one atomic step under the object's monitor, except waits,
 * which release it. Lock owners are explicit {@link Owner}s, (process, thread) of the caller, because the
 * server thread that runs a call is not the caller's thread.
 */
final class ManagedObjects {

    private ManagedObjects() {
    }

    /** Who calls: a random per-JVM token and the caller's thread id. */
    record Owner(long process, long thread) implements Serializable {
    }

    /** One object on the server. */
    interface Managed {
        Object call(Owner owner, String method, Object[] args) throws Exception;
    }

    static UnsupportedOperationException unknown(String type, String method) {
        return new UnsupportedOperationException("'" + type + "' has no method '" + method + "' on the manager");
    }

    static long nanos(double timeoutSeconds) {
        return timeoutSeconds < 0 ? Long.MAX_VALUE : (long) (timeoutSeconds * 1e9);
    }

    /** Waits on {@code monitor} (held) until {@code deadline}; false once it has passed. */
    static boolean waitUntil(Object monitor, long deadline) throws InterruptedException {
        if (deadline == Long.MAX_VALUE) {
            monitor.wait();
            return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
        return true;
    }

    static long deadline(double timeoutSeconds) {
        return timeoutSeconds < 0 ? Long.MAX_VALUE : System.nanoTime() + nanos(timeoutSeconds);
    }

    static final class Dict implements Managed {
        private final Map<Object, Object> map = new LinkedHashMap<>();

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) {
            return switch (method) {
                case "get" -> map.get(a[0]);
                case "getOrDefault" -> map.getOrDefault(a[0], a[1]);
                case "put" -> map.put(a[0], a[1]);
                case "putIfAbsent" -> map.putIfAbsent(a[0], a[1]);
                case "remove" -> map.remove(a[0]);
                case "containsKey" -> map.containsKey(a[0]);
                case "containsValue" -> map.containsValue(a[0]);
                case "size" -> map.size();
                case "clear" -> {
                    map.clear();
                    yield null;
                }
                case "putAll" -> {
                    map.putAll((Map<?, ?>) a[0]);
                    yield null;
                }
                case "snapshot" -> new LinkedHashMap<>(map);
                default -> throw unknown("dict", method);
            };
        }
    }

    static final class ListObject implements Managed {
        private final List<Object> list = new ArrayList<>();

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) {
            return switch (method) {
                case "get" -> list.get((Integer) a[0]);
                case "set" -> list.set((Integer) a[0], a[1]);
                case "add" -> list.add(a[0]);
                case "insert" -> {
                    list.add((Integer) a[0], a[1]);
                    yield null;
                }
                case "removeAt" -> list.remove((int) (Integer) a[0]);
                case "remove" -> list.remove(a[0]);
                case "size" -> list.size();
                case "clear" -> {
                    list.clear();
                    yield null;
                }
                case "addAll" -> list.addAll((Collection<?>) a[0]);
                case "insertAll" -> list.addAll((Integer) a[0], (Collection<?>) a[1]);
                case "indexOf" -> list.indexOf(a[0]);
                case "lastIndexOf" -> list.lastIndexOf(a[0]);
                case "contains" -> list.contains(a[0]);
                case "setAll" -> {
                    list.clear();
                    list.addAll((Collection<?>) a[0]);
                    yield null;
                }
                case "snapshot" -> new ArrayList<>(list);
                default -> throw unknown("list", method);
            };
        }
    }

    /** Python's typecodes, mapped to Java's boxed types. */
    static Object coerce(char typecode, Object value) {
        if (typecode == 'u' || typecode == 'c') {
            if (value instanceof Character || value instanceof String s && s.length() == 1) {
                return value instanceof String s ? s.charAt(0) : value;
            }
            throw new ClassCastException("typecode '" + typecode + "' holds one character, not " + describe(value));
        }
        if (!(value instanceof Number number)) {
            throw new ClassCastException("typecode '" + typecode + "' holds a number, not " + describe(value));
        }
        return switch (typecode) {
            case 'b', 'B', 'h', 'H', 'i' -> number.intValue();
            case 'I', 'l', 'L', 'q', 'Q' -> number.longValue();
            case 'f' -> number.floatValue();
            case 'd' -> number.doubleValue();
            default -> throw badTypecode(typecode);
        };
    }

    static IllegalArgumentException badTypecode(char typecode) {
        return new IllegalArgumentException("bad typecode '" + typecode + "' (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }

    static void checkTypecode(char typecode) {
        if ("bBuchHiIlLqQfd".indexOf(typecode) < 0) {
            throw badTypecode(typecode);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    static final class ValueObject implements Managed {
        private final char typecode;
        private Object value;

        ValueObject(char typecode, Object initial) {
            checkTypecode(typecode);
            this.typecode = typecode;
            this.value = coerce(typecode, initial);
        }

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) {
            return switch (method) {
                case "get" -> value;
                case "set" -> {
                    value = coerce(typecode, a[0]);
                    yield null;
                }
                default -> throw unknown("Value", method);
            };
        }
    }

    static final class ArrayObject implements Managed {
        private final char typecode;
        private final Object[] items;

        ArrayObject(char typecode, Collection<?> values) {
            checkTypecode(typecode);
            this.typecode = typecode;
            this.items = values.stream().map(v -> coerce(typecode, v)).toArray();
        }

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) {
            return switch (method) {
                case "get" -> items[index(a[0])];
                case "set" -> {
                    int i = index(a[0]);
                    Object old = items[i];
                    items[i] = coerce(typecode, a[1]);
                    yield old;
                }
                case "size" -> items.length;
                case "snapshot" -> new ArrayList<>(Arrays.asList(items));
                default -> throw unknown("Array", method);
            };
        }

        private int index(Object i) {
            int index = (Integer) i;
            if (index < 0 || index >= items.length) {
                throw new IndexOutOfBoundsException("array index out of range: " + index + " (length " + items.length + ")");
            }
            return index;
        }
    }

    static final class NamespaceObject implements Managed {
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) {
            return switch (method) {
                case "get" -> {
                    if (!attributes.containsKey((String) a[0])) {
                        throw new NoSuchElementException("'Namespace' object has no attribute '" + a[0] + "'");
                    }
                    yield attributes.get((String) a[0]);
                }
                case "set" -> attributes.put((String) a[0], a[1]);
                case "remove" -> {
                    if (!attributes.containsKey((String) a[0])) {
                        throw new NoSuchElementException("'Namespace' object has no attribute '" + a[0] + "'");
                    }
                    yield attributes.remove((String) a[0]);
                }
                case "snapshot" -> new LinkedHashMap<>(attributes);
                default -> throw unknown("Namespace", method);
            };
        }
    }

    /** Lock and RLock: a plain lock may be released by anyone while held; an RLock only by its owner. */
    static final class LockObject implements Managed {
        private final boolean recursive;
        private Owner owner;
        private int count;

        LockObject(boolean recursive) {
            this.recursive = recursive;
        }

        @Override
        public Object call(Owner who, String method, Object[] a) throws InterruptedException {
            return switch (method) {
                case "acquire" -> acquire(who, (Boolean) a[0], (Double) a[1]);
                case "release" -> {
                    release(who);
                    yield null;
                }
                case "locked" -> locked();
                case "owned" -> owned(who);
                default -> throw unknown(recursive ? "RLock" : "Lock", method);
            };
        }

        synchronized boolean acquire(Owner who, boolean blocking, double timeout) throws InterruptedException {
            if (recursive && who.equals(owner)) {
                count++;
                return true;
            }
            long deadline = blocking ? deadline(timeout) : System.nanoTime();
            while (owner != null) {
                if (!waitUntil(this, deadline)) {
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
                    throw new IllegalStateException("cannot release un-acquired lock");
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
                throw new IllegalStateException("cannot wait on un-acquired lock");
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

    static final class SemaphoreObject implements Managed {
        private final int bound;
        private int value;

        SemaphoreObject(int value, boolean bounded) {
            if (value < 0) {
                throw new IllegalArgumentException("semaphore initial value must be >= 0");
            }
            this.value = value;
            this.bound = bounded ? value : Integer.MAX_VALUE;
        }

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) throws InterruptedException {
            return switch (method) {
                case "acquire" -> {
                    long deadline = (Boolean) a[0] ? deadline((Double) a[1]) : System.nanoTime();
                    while (value == 0) {
                        if (!waitUntil(this, deadline)) {
                            yield false;
                        }
                    }
                    value--;
                    yield true;
                }
                case "release" -> {
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
                case "value" -> value;
                default -> throw unknown("Semaphore", method);
            };
        }
    }

    static final class EventObject implements Managed {
        private boolean flag;

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) throws InterruptedException {
            return switch (method) {
                case "set" -> {
                    flag = true;
                    notifyAll();
                    yield null;
                }
                case "clear" -> {
                    flag = false;
                    yield null;
                }
                case "isSet" -> flag;
                case "wait" -> {
                    long deadline = deadline((Double) a[0]);
                    while (!flag) {
                        if (!waitUntil(this, deadline)) {
                            break;
                        }
                    }
                    yield flag;
                }
                default -> throw unknown("Event", method);
            };
        }
    }

    /** CPython's Condition: each waiter parks on its own gate, notify opens the oldest gates. */
    static final class ConditionObject implements Managed {
        private final LockObject lock = new LockObject(true);
        private final ArrayDeque<java.util.concurrent.Semaphore> waiters = new ArrayDeque<>();

        @Override
        public Object call(Owner who, String method, Object[] a) throws InterruptedException {
            return switch (method) {
                case "acquire" -> lock.acquire(who, (Boolean) a[0], (Double) a[1]);
                case "release" -> {
                    lock.release(who);
                    yield null;
                }
                case "wait" -> await(who, (Double) a[0]);
                case "notify" -> {
                    notify(who, (Integer) a[0]);
                    yield null;
                }
                case "notifyAll" -> {
                    notify(who, Integer.MAX_VALUE);
                    yield null;
                }
                default -> throw unknown("Condition", method);
            };
        }

        private boolean await(Owner who, double timeout) throws InterruptedException {
            if (!lock.owned(who)) {
                throw new IllegalStateException("cannot wait on un-acquired lock");
            }
            // Queue the gate before letting go of the lock, so a notifier who takes the lock next finds it.
            java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(0);
            synchronized (waiters) {
                waiters.add(gate);
            }
            int depth = lock.releaseFully(who);
            boolean notified = false;
            try {
                if (timeout < 0) {
                    gate.acquire();
                    notified = true;
                } else {
                    notified = gate.tryAcquire(nanos(timeout), TimeUnit.NANOSECONDS);
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
                throw new IllegalStateException("cannot notify on un-acquired lock");
            }
            synchronized (waiters) {
                for (int i = 0; i < n && !waiters.isEmpty(); i++) {
                    waiters.poll().release();
                }
            }
        }
    }

    static final class BarrierObject implements Managed {
        private final CyclicBarrier barrier;
        private volatile boolean aborted;

        BarrierObject(int parties) {
            if (parties < 1) {
                throw new IllegalArgumentException("parties must be > 0");
            }
            barrier = new CyclicBarrier(parties);
        }

        @Override
        public Object call(Owner owner, String method, Object[] a) throws Exception {
            return switch (method) {
                case "wait" -> {
                    if (aborted) {
                        throw new BrokenBarrierException();
                    }
                    double timeout = (Double) a[0];
                    try {
                        yield timeout < 0 ? barrier.await() : barrier.await(nanos(timeout), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        throw new BrokenBarrierException("barrier wait timed out: the barrier is now broken");
                    }
                }
                case "reset" -> {
                    aborted = false;
                    barrier.reset();
                    yield null;
                }
                case "abort" -> {
                    aborted = true;
                    barrier.reset();
                    yield null;
                }
                case "parties" -> barrier.getParties();
                case "nWaiting" -> barrier.getNumberWaiting();
                case "broken" -> aborted || barrier.isBroken();
                default -> throw unknown("Barrier", method);
            };
        }
    }

    /** Queue and JoinableQueue (maxsize 0 = unbounded), with Python's Empty/Full and task counting. */
    static final class QueueObject implements Managed {
        private final int maxsize;
        private final ArrayDeque<Object> items = new ArrayDeque<>();
        private final boolean joinable;
        private long unfinished;

        QueueObject(int maxsize, boolean joinable) {
            this.maxsize = maxsize;
            this.joinable = joinable;
        }

        @Override
        public synchronized Object call(Owner owner, String method, Object[] a) throws InterruptedException {
            return switch (method) {
                case "put" -> {
                    boolean block = (Boolean) a[1];
                    long deadline = block ? deadline((Double) a[2]) : System.nanoTime();
                    while (maxsize > 0 && items.size() >= maxsize) {
                        if (!waitUntil(this, deadline)) {
                            throw new QueueProxy.Full();
                        }
                    }
                    items.add(new Item(a[0]));
                    unfinished++;
                    notifyAll();
                    yield null;
                }
                case "get" -> {
                    boolean block = (Boolean) a[0];
                    long deadline = block ? deadline((Double) a[1]) : System.nanoTime();
                    while (items.isEmpty()) {
                        if (!waitUntil(this, deadline)) {
                            throw new QueueProxy.Empty();
                        }
                    }
                    Object item = ((Item) items.poll()).value;
                    notifyAll();
                    yield item;
                }
                case "qsize" -> items.size();
                case "empty" -> items.isEmpty();
                case "full" -> maxsize > 0 && items.size() >= maxsize;
                case "taskDone" -> {
                    requireJoinable(method);
                    if (unfinished <= 0) {
                        throw new IllegalStateException("task_done() called too many times");
                    }
                    if (--unfinished == 0) {
                        notifyAll();
                    }
                    yield null;
                }
                case "join" -> {
                    requireJoinable(method);
                    while (unfinished > 0) {
                        wait();
                    }
                    yield null;
                }
                default -> throw unknown(joinable ? "JoinableQueue" : "Queue", method);
            };
        }

        private void requireJoinable(String method) {
            if (!joinable) {
                throw unknown("Queue", method);
            }
        }

        /** Keeps null items apart from "no item". */
        private record Item(Object value) {
        }
    }

    /**
     * A registered type's instance, reached by reflection: only public methods (and only the exposed
     * ones when a list was given) can be called; Object's own methods other than toString cannot.
     */
    static final class Reflective implements Managed {
        private final Object target;
        private final String typeid;
        private final Set<String> exposed;
        private final Map<String, List<Method>> cache = new ConcurrentHashMap<>();

        Reflective(String typeid, Object target, Set<String> exposed) {
            this.typeid = typeid;
            this.target = target;
            this.exposed = exposed;
        }

        @Override
        public Object call(Owner owner, String method, Object[] args) throws Exception {
            Method chosen = resolve(method, args);
            try {
                return chosen.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) cause;
            }
        }

        private Method resolve(String name, Object[] args) {
            if (exposed != null && !exposed.contains(name)) {
                throw new UnsupportedOperationException("method '" + name + "' of " + typeid
                        + " is not exposed (exposed: " + exposed + ")");
            }
            List<Method> candidates = cache.computeIfAbsent(name, this::publicMethods);
            if (candidates.isEmpty()) {
                boolean exists = false;
                for (Class<?> c = target.getClass(); c != null && !exists; c = c.getSuperclass()) {
                    exists = Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name));
                }
                throw new UnsupportedOperationException(exists
                        ? "method '" + name + "' of " + typeid + " is not public: only public methods are exposed"
                        : typeid + " has no method '" + name + "'");
            }
            for (Method m : candidates) {
                if (accepts(m, args)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("no public method " + typeid + "." + name + " takes " + describeArgs(args));
        }

        private List<Method> publicMethods(String name) {
            List<Method> found = new ArrayList<>();
            for (Method m : target.getClass().getMethods()) {
                boolean fromObject = m.getDeclaringClass() == Object.class && !name.equals("toString");
                if (m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !fromObject) {
                    m.setAccessible(true); // a public method of a non-public class
                    found.add(m);
                }
            }
            return found;
        }

        private static boolean accepts(Method m, Object[] args) {
            Class<?>[] types = m.getParameterTypes();
            if (types.length != args.length) {
                return false;
            }
            for (int i = 0; i < types.length; i++) {
                Class<?> type = types[i].isPrimitive() ? box(types[i]) : types[i];
                if (args[i] == null ? types[i].isPrimitive() : !type.isInstance(args[i])) {
                    return false;
                }
            }
            return true;
        }

        private static Class<?> box(Class<?> primitive) {
            return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
        }

        private static String describeArgs(Object[] args) {
            List<String> types = new ArrayList<>();
            for (Object arg : args) {
                types.add(arg == null ? "null" : arg.getClass().getSimpleName());
            }
            return types.isEmpty() ? "no arguments" : "(" + String.join(", ", types) + ")";
        }
    }

    /** A type registered with a manager: how to make it and what it exposes. */
    record Registration(SharedFactory<?> factory, String[] exposed) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Set<String> exposedSet() {
            return exposed == null || exposed.length == 0 ? null : Set.of(exposed);
        }
    }
}
