package dev.mp4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only the shared-memory Lock and RLock do (CPython's messages, release from another process, a holder that dies); the rest is {@link LockContract}. */
class LockTest {

    @Test
    void lockAcquireReleaseAndReleaseTooManyTimes() {
        Lock lock = new Lock();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.acquire(false)).isFalse();
        lock.release();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("semaphore or lock released too many times");
    }

    @Test
    void rlockIsReentrantForItsOwnerOnly() throws Exception {
        RLock lock = new RLock();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.acquire()).isTrue();
        Thread other = Thread.ofPlatform().start(() -> {
            assertThat(lock.acquire(false)).isFalse();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class);
        });
        other.join();
        lock.release();
        lock.release();
        lock.release();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessage("attempt to release recursive lock not owned by thread");
    }



    @Test
    void childSeesTheLockTheParentHoldsAndMayReleaseIt() throws Exception {
        Lock lock = new Lock();
        Value seen = Value.raw('i', -1);
        lock.acquire();
        // a multiprocessing.Lock may be released by another process than the one that acquired it
        Processes.joinOk(Processes.start(() -> {
            seen.setInt(lock.acquire(false) ? 1 : 0);
            lock.release();
        }));
        assertThat(seen.getInt()).isZero();
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
    }


    @Test
    void twoProcessesIncrementingUnderTheLockLoseNothing() throws Exception {
        Value counter = Value.raw('l', 0);
        Lock lock = new Lock();
        int perProcess = 100_000;
        Target work = () -> {
            for (int i = 0; i < perProcess; i++) {
                try (Held held = lock.acquired()) {
                    counter.setLong(counter.getLong() + 1); // read-then-write: safe only under the lock
                }
            }
        };
        List<ChildProcess> children = Processes.start(2, work);
        Processes.joinOk(children);
        assertThat(counter.getLong()).isEqualTo(2L * perProcess);
    }

    @Test
    void aHolderThatDiesDoesNotHangTheNextAcquirer() throws Exception {
        Lock lock = new Lock();
        Event held = new Event();
        ChildProcess child = Processes.start(() -> {
            lock.acquire();
            held.set();
            Time.sleep(60 / Time.scale()); // holds on until killed
        });
        assertThat(held.await(20)).isTrue();
        assertThat(lock.acquire(false)).isFalse();
        child.kill();
        child.join(Duration.ofSeconds(10));
        assertThat(child.exitcode()).isEqualTo(-9);

        long start = System.nanoTime();
        assertThatThrownBy(() -> lock.acquire(10)).isInstanceOf(OwnerDiedException.class)
                .hasMessageContaining("held by process " + child.pid()).hasMessageContaining("died");
        assertThat(Processes.elapsed(start)).isLessThan(5.0); // not the 10 s timeout: detected
        // the lock is free again: the retry gets it at once
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
    }

    @Test
    void anRLockHolderThatDiesIsDetectedToo() throws Exception {
        RLock lock = new RLock();
        Event held = new Event();
        ChildProcess child = Processes.start(() -> {
            lock.acquire();
            lock.acquire();
            held.set();
            Time.sleep(60 / Time.scale());
        });
        assertThat(held.await(20)).isTrue();
        child.kill();
        child.join(Duration.ofSeconds(10));
        assertThatThrownBy(lock::acquire).isInstanceOf(OwnerDiedException.class);
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
        assertThat(lock.acquire(false)).isTrue(); // the dead holder's two levels are gone: one release frees it
        lock.release();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class);
    }
}
