package dev.mp4j.launcher.pool;

import dev.mp4j.launcher.Queue;
import dev.mp4j.launcher.SerializationException;
import dev.mp4j.launcher.pool.ProcessPoolExecutor.SerializableCallable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ExecutorService contract over worker JVMs, checked the way the JDK's executor tests check theirs
 * (rejection after shutdown, invokeAll's timeout, invokeAny, shutdownNow's list, termination), plus a
 * worker killed with SIGKILL in the middle of a task.
 */
@Timeout(90)
class ProcessPoolExecutorTest {

    private static ProcessPoolExecutor shared;

    @BeforeAll
    static void startSharedExecutor() {
        shared = new ProcessPoolExecutor(2);
    }

    @AfterAll
    static void stopSharedExecutor() throws InterruptedException {
        shared.shutdownNow();
        assertThat(shared.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    static int sqr(int x) {
        return x * x;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static int slow(int x) throws InterruptedException {
        Thread.sleep(60_000);
        return x;
    }

    static int fail(String why) {
        throw new IllegalStateException(why);
    }

    /** Reports its worker's pid, then blocks until the test ends it. */
    static int announceAndBlock(Queue<Long> started) throws InterruptedException {
        started.put(pid());
        return slow(-1);
    }

    @Test
    void submitRunsTheTaskInAWorkerAndCompletesItsFuture() throws Exception {
        assertThat(shared.submit(() -> sqr(7)).get(30, TimeUnit.SECONDS)).isEqualTo(49);
        assertThat(shared.submit(ProcessPoolExecutorTest::pid).get(30, TimeUnit.SECONDS)).isNotEqualTo(pid());
        CompletableFuture<Integer> chained = shared.submit(() -> sqr(3)).thenApply(x -> x + 1);
        assertThat(chained.get(30, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(shared.submit(() -> { sqr(2); }, "done").get(30, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(shared.submit(() -> { sqr(2); }).get(30, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aTasksExceptionIsTheCauseOfExecutionExceptionWithTheRemoteTrace() {
        Future<Integer> failing = shared.submit(() -> fail("boom in worker"));
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom in worker")
                .cause().isInstanceOf(RemoteTraceback.class).hasMessageContaining("PoolWorker-");
    }

    @Test
    void aTaskThatCannotBeSerializedFailsAtSubmit() {
        Callable<Integer> notSerializable = new Callable<>() {
            @Override
            public Integer call() {
                return 1;
            }
        };
        assertThatThrownBy(() -> shared.submit(notSerializable))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ProcessPoolExecutor");
    }

    @Test
    void invokeAllReturnsEveryFutureDoneInTaskOrder() throws Exception {
        List<SerializableCallable<Integer>> tasks = List.of(() -> sqr(1), () -> sqr(2), () -> fail("third"), () -> sqr(4));
        List<Future<Integer>> futures = shared.invokeAll(tasks);
        assertThat(futures).hasSize(4).allMatch(Future::isDone);
        assertThat(futures.get(0).get()).isEqualTo(1);
        assertThat(futures.get(1).get()).isEqualTo(4);
        assertThatThrownBy(() -> futures.get(2).get()).isInstanceOf(ExecutionException.class).cause().hasMessage("third");
        assertThat(futures.get(3).get()).isEqualTo(16);
    }

    @Test
    void invokeAllWithATimeoutCancelsWhatIsNotDone() throws Exception {
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(1)) {
            List<SerializableCallable<Integer>> tasks = List.of(() -> sqr(5), () -> slow(1), () -> sqr(6));
            long start = System.nanoTime();
            List<Future<Integer>> futures = executor.invokeAll(tasks, 3, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3))
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(futures).allMatch(Future::isDone);
            assertThat(futures.get(0).get()).isEqualTo(25);
            assertThat(futures.get(1).isCancelled()).isTrue();
            assertThat(futures.get(2).isCancelled()).isTrue(); // behind the slow one: cancelled, queued or not
            executor.shutdownNow(); // the slow task still runs in the worker: stop it rather than wait
        }
    }

    @Test
    void invokeAnyReturnsTheResultOfOneTaskThatSucceeded() throws Exception {
        List<SerializableCallable<Integer>> tasks = List.of(() -> fail("a"), () -> sqr(9), () -> fail("b"));
        assertThat(shared.invokeAny(tasks)).isEqualTo(81);
        assertThat(shared.invokeAny(tasks, 30, TimeUnit.SECONDS)).isEqualTo(81);
    }

    @Test
    void invokeAnyThrowsExecutionExceptionWhenEveryTaskFails() {
        List<SerializableCallable<Integer>> tasks = List.of(() -> fail("first"), () -> fail("second"));
        assertThatThrownBy(() -> shared.invokeAny(tasks))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageMatching("first|second");
        assertThatThrownBy(() -> shared.invokeAny(List.<SerializableCallable<Integer>>of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invokeAnyWithATimeoutThrowsTimeoutException() {
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(1)) {
            List<SerializableCallable<Integer>> tasks = List.of(() -> slow(1), () -> slow(2));
            assertThatThrownBy(() -> executor.invokeAny(tasks, 1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            executor.shutdownNow();
        }
    }

    @Test
    void afterShutdownNewTasksAreRejectedAndSubmittedOnesStillRun() throws Exception {
        ProcessPoolExecutor executor = new ProcessPoolExecutor(1);
        Future<Integer> before = executor.submit(() -> sqr(11));
        Future<Integer> queued = executor.submit(() -> sqr(12));
        executor.shutdown();
        assertThat(executor.isShutdown()).isTrue();
        assertThatThrownBy(() -> executor.submit(() -> sqr(1))).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> executor.execute(() -> sqr(1))).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> executor.invokeAll(List.<SerializableCallable<Integer>>of(() -> 1)))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.isTerminated()).isTrue();
        assertThat(before.get()).isEqualTo(121);
        assertThat(queued.get()).isEqualTo(144);
    }

    @Test
    void awaitTerminationBeforeShutdownTimesOut() throws Exception {
        long start = System.nanoTime();
        assertThat(shared.awaitTermination(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(shared.isTerminated()).isFalse();
    }

    @Test
    void shutdownNowStopsTheRunningTaskAndReturnsTheTasksThatNeverStarted() throws Exception {
        ProcessPoolExecutor executor = new ProcessPoolExecutor(1);
        Queue<Long> started = new Queue<>();
        Future<Integer> running = executor.submit(() -> announceAndBlock(started));
        started.get(true, 30);
        List<Future<Integer>> waiting = List.of(executor.submit(() -> sqr(2)), executor.submit(() -> sqr(3)));

        List<Runnable> neverStarted = executor.shutdownNow();

        assertThat(neverStarted).hasSize(2).containsExactly((Runnable) waiting.get(0), (Runnable) waiting.get(1));
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.isTerminated()).isTrue();
        assertThat(running.isCancelled()).isTrue();
        assertThat(waiting).noneMatch(Future::isDone); // pending, as the JDK leaves them: run or cancel them
        neverStarted.getFirst().run(); // runs here, in this JVM
        assertThat(waiting.getFirst().get(1, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(((RunnableFuture<?>) neverStarted.get(1)).cancel(false)).isTrue();
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskNamingItAndTheExecutorGoesOn() throws Exception {
        Queue<Long> started = new Queue<>();
        Future<Integer> victim = shared.submit(() -> announceAndBlock(started));
        long workerPid = started.get(true, 30);
        ProcessHandle.of(workerPid).orElseThrow().destroyForcibly(); // SIGKILL

        assertThatThrownBy(() -> victim.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WorkerDiedException.class)
                .hasMessageMatching("worker PoolWorker-\\d+ \\(pid " + workerPid + "\\) died with exitcode -9 while running task \\d+");
        List<SerializableCallable<Integer>> more = List.of(() -> sqr(1), () -> sqr(2), () -> sqr(3), () -> sqr(4));
        assertThat(shared.invokeAll(more, 60, TimeUnit.SECONDS)).extracting(Future::get).containsExactly(1, 4, 9, 16);
    }

    @Test
    void closeInTryWithResourcesWaitsForTheTasks() throws Exception {
        Future<Integer> result;
        ProcessPoolExecutor closed;
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(1)) {
            closed = executor;
            result = executor.submit(() -> sqr(13));
        }
        assertThat(result.isDone()).isTrue();
        assertThat(result.get()).isEqualTo(169);
        assertThat(closed.isTerminated()).isTrue();
    }

    @Test
    void anAsyncResultConvertsToACompletableFuture() throws Exception {
        Pool pool = new Pool(1);
        try {
            assertThat(pool.applyAsync(() -> sqr(6)).toCompletableFuture().thenApply(x -> x + 1).get(30, TimeUnit.SECONDS))
                    .isEqualTo(37);
            AsyncResult<Integer> failed = pool.applyAsync(() -> fail("as future"));
            failed.await(30);
            assertThatThrownBy(() -> failed.toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().hasMessage("as future");
        } finally {
            pool.terminate();
            pool.join();
        }
    }
}
