package dev.mp4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mp4j.launcher.ChildProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stand-in for {@code multiprocessing.Lock} that {@link ThreadVersusProcessPids} uses. */
@ExtendWith(NoChildLeftBehind.class)
class FileLockMutexTest {

    private static final int BUSY = 3;

    @Test
    void aChildCannotTakeTheLockWhileTheParentHoldsIt() throws InterruptedException {
        FileLockMutex lock = FileLockMutex.create();
        lock.lock();
        try {
            assertThat(exitcodeOfChildTrying(lock)).isEqualTo(BUSY);
        } finally {
            lock.unlock();
        }
        assertThat(exitcodeOfChildTrying(lock)).isZero();
    }

    @Test
    void itIsNotReentrantAndOnlyItsHolderMayRelease() {
        FileLockMutex lock = FileLockMutex.create();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        try {
            assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class).hasMessageContaining("not reentrant");
        } finally {
            lock.unlock();
        }
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }

    private static int exitcodeOfChildTrying(FileLockMutex lock) throws InterruptedException {
        ChildProcess child = new ChildProcess(() -> System.exit(lock.tryLock() ? 0 : BUSY));
        child.start();
        child.join(Duration.ofSeconds(30));
        return child.exitcode();
    }
}
