package dev.mp4j.asynciostyle.loop;

import dev.mp4j.launcher.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event loop's own contract: states, cancel, gather/wait/asCompleted, threads, exceptions, close. */
class EventLoopTest {

    private final EventLoop loop = Asyncio.newEventLoop();
    private final List<EventLoop.ExceptionContext> reported = new CopyOnWriteArrayList<>();

    EventLoopTest() {
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    @Test
    void taskGoesFromPendingThroughRunningToDoneAndSaysSoInItsRepr() {
        AtomicReference<Future.State> inside = new AtomicReference<>();
        Task<String>[] self = new Task[1];
        Task<String> task = loop.createTask(Coroutine.named("do_some_work", () -> {
            inside.set(self[0].state());
            Asyncio.sleep(0.1);
            return "Done after 2s";
        }));
        self[0] = task;
        assertThat(task.state()).isEqualTo(Future.State.PENDING);
        assertThat(task.toString()).startsWith("<Task pending name='").endsWith("coro=<do_some_work()>>");
        assertThat(task).isInstanceOf(Future.class);

        assertThat(loop.runUntilComplete(task)).isEqualTo("Done after 2s");

        assertThat(inside.get()).isEqualTo(Future.State.RUNNING);
        assertThat(task.state()).isEqualTo(Future.State.DONE);
        assertThat(task.isDone()).isTrue();
        assertThat(task.toString()).startsWith("<Task finished name='")
                .endsWith("coro=<do_some_work() done> result='Done after 2s'>");
    }

    @Test
    void resultBeforeDoneIsAnInvalidStateAndAFailureIsRethrownAsItself() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Task<String> task = loop.createTask(() -> {
            throw boom;
        });
        assertThatThrownBy(task::result).isInstanceOf(InvalidStateError.class);
        assertThatThrownBy(() -> loop.runUntilComplete(task)).isSameAs(boom);
        assertThat(task.exception()).isSameAs(boom);
        assertThat(task.toString()).contains("exception=java.lang.IllegalArgumentException: boom");
    }

    @Test
    void callbacksRunOnTheLoopThreadAndTaskStepsNeverOverlap() {
        List<Thread> callbackThreads = new CopyOnWriteArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Boolean> stepsInLoop = new CopyOnWriteArrayList<>();
        List<Future<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            Task<Integer> task = loop.createTask(() -> {
                for (int step = 0; step < 3; step++) {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    stepsInLoop.add(Asyncio.getRunningLoop().inLoop());
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                    Asyncio.sleep(0.01 * (n % 3));
                }
                return n;
            });
            task.addDoneCallback(f -> callbackThreads.add(Thread.currentThread()));
            tasks.add(task);
        }
        Thread[] loopThread = new Thread[1];
        loop.callSoon(() -> loopThread[0] = Thread.currentThread());
        loop.runUntilComplete(Asyncio.gather(tasks));

        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(stepsInLoop).hasSize(60).containsOnly(true);
        assertThat(callbackThreads).hasSize(20).containsOnly(loopThread[0]);
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void manyShortTasksReuseRunnersWithoutLosingAHandoff() {
        // Runners go straight from one task to the next; a lost handoff would hang here.
        List<Integer> results = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            List<Future<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                int n = i;
                tasks.add(loop.createTask(() -> {
                    if (n % 7 == 0) {
                        Asyncio.sleep(0);
                    }
                    return n;
                }));
            }
            return loop.runUntilComplete(Asyncio.gather(tasks));
        });
        assertThat(results).hasSize(30_000);
        assertThat(results.get(29_999)).isEqualTo(29_999);
    }

    @Test
    void addDoneCallbackPassesTheTaskItselfLastAndAPartialArgumentFirst() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<Future<?>> seen = new CopyOnWriteArrayList<>();
        Task<String> task = loop.createTask(() -> "Done after 2s");
        task.addDoneCallback(future -> seen.add(future));
        task.addDoneCallback((Integer t, Future<String> future) -> calls.add("Callback: " + t + " " + future.result()), 2);
        loop.runUntilComplete(task);
        assertThat(seen).containsExactly(task);
        assertThat(calls).containsExactly("Callback: 2 Done after 2s");
    }

    @Test
    void cancelThrowsCancelledErrorAtTheSuspensionPoint() {
        List<String> events = new CopyOnWriteArrayList<>();
        Task<String> sleeper = loop.createTask(() -> {
            events.add("start");
            try {
                Asyncio.sleep(100);
                events.add("woke");
            } catch (CancelledError e) {
                events.add("cancelled at await");
                throw e;
            }
            return "never";
        });
        Task<Boolean> canceller = loop.createTask(() -> {
            Asyncio.sleep(0.05);
            return sleeper.cancel();
        });
        long start = System.nanoTime();
        assertThat(loop.runUntilComplete(canceller)).isTrue();
        loop.runUntilComplete(Asyncio.wait(List.of(sleeper)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Time.scaled(50));
        assertThat(events).containsExactly("start", "cancelled at await");
        assertThat(sleeper.isCancelled()).isTrue();
        assertThat(sleeper.state()).isEqualTo(Future.State.CANCELLED);
        assertThat(sleeper.cancel()).isFalse();
        assertThatThrownBy(sleeper::result).isInstanceOf(CancelledError.class);
        assertThat(sleeper.toString()).startsWith("<Task cancelled");
    }

    @Test
    void aTaskCancelledBeforeItsFirstStepNeverRunsItsBody() {
        AtomicInteger ran = new AtomicInteger();
        Task<Integer> task = loop.createTask(ran::incrementAndGet);
        assertThat(task.cancel()).isTrue();
        loop.runUntilComplete(Asyncio.wait(List.of(task)));
        assertThat(ran.get()).isZero();
        assertThat(task.isCancelled()).isTrue();
    }

    @Test
    void gatherReturnsResultsInArgumentOrderNotCompletionOrder() {
        List<Future<String>> tasks = new ArrayList<>();
        for (int seconds : new int[] {4, 1, 2}) {
            tasks.add(loop.createTask(() -> {
                Asyncio.sleep(seconds * 0.1);
                return "Done after " + seconds + "s";
            }));
        }
        assertThat(loop.runUntilComplete(Asyncio.gather(tasks)))
                .containsExactly("Done after 4s", "Done after 1s", "Done after 2s");
    }

    @Test
    void gatherFailsWithTheFirstExceptionAndItsCancelCancelsEveryChild() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> fails = loop.createTask(() -> {
            Asyncio.sleep(0.05);
            throw boom;
        });
        Task<String> fine = loop.createTask(() -> "ok");
        assertThatThrownBy(() -> loop.runUntilComplete(Asyncio.gather(fails, fine))).isSameAs(boom);

        Task<String> a = loop.createTask(() -> {
            Asyncio.sleep(100);
            return "a";
        });
        Task<String> b = loop.createTask(() -> {
            Asyncio.sleep(100);
            return "b";
        });
        Future<List<String>> both = Asyncio.gather(a, b);
        loop.runUntilComplete(loop.createTask(() -> {
            Asyncio.sleep(0);
            return null;
        }));
        assertThat(both.cancel()).isTrue();
        loop.runUntilComplete(Asyncio.wait(List.of(a, b)));
        assertThat(a.isCancelled()).isTrue();
        assertThat(b.isCancelled()).isTrue();
        assertThat(both.isCancelled()).isTrue();
        assertThat(reported).isEmpty();
    }

    @Test
    void waitGivesDoneAndPendingSets() {
        Task<String> quick = loop.createTask(() -> {
            Asyncio.sleep(0.05);
            return "quick";
        });
        Task<String> slow = loop.createTask(() -> {
            Asyncio.sleep(100);
            return "slow";
        });
        Asyncio.DoneAndPending<String> first = loop.runUntilComplete(
                Asyncio.wait(List.of(quick, slow), -1, Asyncio.ReturnWhen.FIRST_COMPLETED));
        assertThat(first.done()).containsExactly(quick);
        assertThat(first.pending()).containsExactly(slow);

        Asyncio.DoneAndPending<String> timedOut = loop.runUntilComplete(
                Asyncio.wait(List.of(quick, slow), 0.05, Asyncio.ReturnWhen.ALL_COMPLETED));
        assertThat(timedOut.done()).containsExactly(quick);
        assertThat(timedOut.pending()).containsExactly(slow);
        slow.cancel();
        Asyncio.DoneAndPending<String> all = loop.runUntilComplete(Asyncio.wait(List.of(quick, slow)));
        assertThat(all.done()).containsExactlyInAnyOrder(quick, slow);
        assertThat(all.pending()).isEmpty();
    }

    @Test
    void asCompletedYieldsInCompletionOrder() {
        List<Future<Integer>> tasks = new ArrayList<>();
        for (int seconds : new int[] {3, 1, 2}) {
            tasks.add(loop.createTask(() -> {
                Asyncio.sleep(seconds * 0.1);
                return seconds;
            }));
        }
        List<Integer> order = loop.runUntilComplete(loop.createTask(() -> {
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> next : Asyncio.asCompleted(tasks)) {
                seen.add(next.await());
            }
            return seen;
        }));
        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void runCoroutineThreadsafeFailsTheCallersFutureWithTheOriginalException() throws Exception {
        Thread loopThread = startLoopThread();
        try {
            CompletableFuture<String> ok = loop.runCoroutineThreadsafe(() -> {
                Asyncio.sleep(0.05);
                return "Done after 1s";
            });
            assertThat(ok.get(10, TimeUnit.SECONDS)).isEqualTo("Done after 1s");

            java.io.IOException original = new java.io.IOException("connection refused");
            CompletableFuture<String> failing = loop.runCoroutineThreadsafe(() -> {
                Asyncio.sleep(0.05);
                throw original;
            });
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isSameAs(original);
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(10_000);
        }
        assertThat(loopThread.isAlive()).isFalse();
    }

    @Test
    void aFailureSomeoneIsWaitingForInGetIsNotReportedAsUnhandled() throws Exception {
        Thread loopThread = startLoopThread();
        try {
            CompletableFuture<String> failing = loop.runCoroutineThreadsafe(() -> {
                Asyncio.sleep(0.1);
                throw new IllegalStateException("seen by get()");
            });
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            loop.runCoroutineThreadsafe(() -> "one more iteration").get(10, TimeUnit.SECONDS);
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(10_000);
        }
        assertThat(reported).isEmpty();
    }

    @Test
    void anUnhandledTaskExceptionReachesTheHandlerWhichCanStopTheLoop() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        loop.setExceptionHandler((l, context) -> {
            seen.set(context.exception());
            l.stop();
        });
        RuntimeException boom = new RuntimeException("nobody awaits me");
        loop.createTask(() -> {
            Asyncio.sleep(0.05);
            throw boom;
        });
        loop.createTask(() -> {
            Asyncio.sleep(1000);
            return null;
        });
        long start = System.nanoTime();
        loop.runForever();   // returns because the handler stopped it
        assertThat(seen.get()).isSameAs(boom);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Time.scaled(500));
    }

    @Test
    void closingWithPendingTasksReportsThemAndClosesTheirCoroutines() {
        List<String> events = new CopyOnWriteArrayList<>();
        Task<String> pending = loop.createTask(Coroutine.named("do_some_work", () -> {
            try {
                Asyncio.sleep(100);
                return "never";
            } finally {
                events.add("finally ran");
            }
        }));
        loop.runUntilComplete(loop.createTask(() -> {
            Asyncio.sleep(0.01);
            return null;
        }));
        loop.close();
        assertThat(reported).hasSize(1);
        assertThat(reported.getFirst().message()).isEqualTo("Task was destroyed but it is pending!");
        assertThat(reported.getFirst().future()).isSameAs(pending);
        assertThat(pending.toString()).startsWith("<Task pending").contains("coro=<do_some_work() running>");
        assertThat(events).containsExactly("finally ran");
        assertThatThrownBy(() -> loop.createTask(() -> 1)).hasMessage("Event loop is closed");
    }

    @Test
    void stopFromAnotherThreadDoesNotWakeAnIdleLoopButAThreadsafeStopDoes() throws Exception {
        Thread loopThread = startLoopThread();
        try {
            loop.runCoroutineThreadsafe(() -> "warm").get(10, TimeUnit.SECONDS);
            // Idle means parked in its select, not finishing the iteration that completed "warm".
            org.awaitility.Awaitility.await().until(() -> loop.thread() != null
                    && loop.thread().getState() == Thread.State.WAITING);
            loop.stop();                       // the article's A20: only a flag; nobody wakes the loop
            loopThread.join(200);
            assertThat(loopThread.isAlive()).isTrue();
        } finally {
            loop.callSoonThreadsafe(loop::stop);   // the right way: the stop runs on the loop
            loopThread.join(10_000);
        }
        assertThat(loopThread.isAlive()).isFalse();
    }

    @Test
    void interruptRaisesKeyboardInterruptAndLeavesTheTasksPending() {
        Task<String> task = loop.createTask(() -> {
            Asyncio.sleep(100);
            return "never";
        });
        loop.createTask(() -> {
            Asyncio.sleep(0.05);
            Asyncio.getRunningLoop().interrupt();
            return null;
        });
        assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(KeyboardInterrupt.class);
        assertThat(task.isDone()).isFalse();
        assertThat(loop.allTasks()).containsExactly(task);
        assertThat(task.cancel()).isTrue();
        loop.stop();
        loop.runForever();   // one more iteration delivers the cancellation
        assertThat(task.isCancelled()).isTrue();
        assertThat(loop.allTasks()).isEmpty();
    }

    @Test
    void nonThreadsafeCallsFromAnotherThreadAreRefusedWhileTheLoopRuns() throws Exception {
        Thread loopThread = startLoopThread();
        try {
            loop.runCoroutineThreadsafe(() -> "warm").get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> loop.createTask(() -> 1))
                    .hasMessageContaining("use callSoonThreadsafe or runCoroutineThreadsafe");
            assertThatThrownBy(() -> loop.runForever()).hasMessageContaining("already running");
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(10_000);
        }
    }

    @Test
    void awaitAndSleepOutsideATaskSayWhatToDoInstead() {
        Future<String> future = loop.createFuture();
        assertThatThrownBy(future::await).hasMessageContaining("await outside a task");
        assertThatThrownBy(() -> Asyncio.sleep(1)).hasMessageContaining("inside a task");
    }

    private Thread startLoopThread() throws InterruptedException {
        Thread thread = new Thread(loop::runForever, "loop-thread");
        thread.start();
        return thread;
    }
}
