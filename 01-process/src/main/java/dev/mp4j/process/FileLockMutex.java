package dev.mp4j.process;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A mutex shared by processes, standing in for {@code multiprocessing.Lock()} in P20: an exclusive lock
 * on a private temporary file (the OS lets one process hold it at a time, on Linux and macOS alike). It is
 * serializable, so a target can capture it and every child locks the same file.
 *
 * <p>A JVM may hold a file lock only once, so the threads of one process first queue on an in-process
 * lock. Like Python's {@code Lock} it is not reentrant: locking it twice from one thread is an error.
 * Conditions are not supported.
 */
final class FileLockMutex implements Lock, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long POLL_MILLIS = 5;

    private final String path;
    private transient ReentrantLock local;
    private transient FileChannel channel;
    private transient FileLock held;

    private FileLockMutex(String path) {
        this.path = path;
    }

    /** A new mutex on a fresh temporary file, deleted when this JVM exits. */
    static FileLockMutex create() {
        try {
            Path file = Files.createTempFile("mp4j-lock-", ".lock");
            file.toFile().deleteOnExit();
            return new FileLockMutex(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a lock file", e);
        }
    }

    private synchronized ReentrantLock local() {
        if (local == null) {
            local = new ReentrantLock();
        }
        return local;
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(Path.of(path), StandardOpenOption.WRITE);
        }
        return channel;
    }

    private void enterLocally(ReentrantLock lock) {
        if (lock.getHoldCount() > 1) {
            lock.unlock();
            throw new IllegalStateException("lock is not reentrant: this thread already holds it");
        }
    }

    @Override
    public void lock() {
        ReentrantLock lock = local();
        lock.lock();
        enterLocally(lock);
        try {
            held = channel().lock();
        } catch (IOException e) {
            lock.unlock();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        ReentrantLock lock = local();
        lock.lockInterruptibly();
        enterLocally(lock);
        try {
            held = channel().lock();
        } catch (IOException e) {
            lock.unlock();
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + path);
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean tryLock() {
        ReentrantLock lock = local();
        if (!lock.tryLock()) {
            return false;
        }
        enterLocally(lock);
        try {
            held = channel().tryLock();
        } catch (IOException e) {
            lock.unlock();
            throw new UncheckedIOException(e);
        }
        if (held == null) {
            lock.unlock();
            return false;
        }
        return true;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    @Override
    public void unlock() {
        ReentrantLock lock = local();
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("release unlocked lock");
        }
        try {
            held.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held = null;
            lock.unlock();
        }
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("conditions are not supported across processes");
    }
}
