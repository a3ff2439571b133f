package dev.mp4j.bench;

import dev.mp4j.launcher.ChildProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Process start cost: one trivial target started and joined, and 100 started then joined.
 *
 * <p>Start+join is measured twice. Back to back, each {@code start()} finds the spare JVM still booting,
 * so the figure is bound by how much CPU a child JVM costs. With a pause before each start (the usual
 * case in a program that starts a process now and then), the spare is booted and warm. Beside them: a
 * bare {@code java Hello} (the floor of any child start), and a whole program that starts one child,
 * joins it and exits, timed from outside with and without the spare, on the class path a user's program
 * has (its classes and the launcher).
 *
 * <p>Each start figure has its floor measured in the same run, with the flags children boot with: 100
 * bare JVMs started then waited for, and a Java program that starts one bare JVM and waits
 * ({@link BareSpawnProgram}). Their ratios to CPython are the best any launcher could reach here.
 */
public final class ProcessBench {

    private static final int SINGLE_RUNS = 15;
    private static final int HUNDRED_RUNS = 3;
    private static final int HUNDRED = 100;
    private static final long PAUSE_FOR_SPARE_MILLIS = 700;
    private static final int PROGRAM_RUNS = 15;

    private ProcessBench() {
    }

    static void noop() {
        // the trivial target: the cost measured is the process itself
    }

    public static void main(String[] args) throws Exception {
        double first = startJoin(); // boots the first child and the spare, as any first use does
        Figures.print("process.first_start_join", first, "ms");
        double one = Figures.median(SINGLE_RUNS, ProcessBench::startJoin);
        Figures.print("process.start_join_one", one, "ms");
        double oneWithSpareReady = Figures.median(SINGLE_RUNS, () -> {
            Thread.sleep(PAUSE_FOR_SPARE_MILLIS);
            return startJoin();
        });
        Figures.print("process.start_join_one_spare_ready", oneWithSpareReady, "ms");
        double hundred = Figures.median(HUNDRED_RUNS, ProcessBench::startHundredThenJoin);
        Figures.print("process.start_join_100", hundred, "s");
        double hundredBare = Figures.median(HUNDRED_RUNS, () -> BareJvm.startThenWait(HUNDRED));
        Figures.print("process.floor.bare_java_100", hundredBare, "s");

        // A user's program depends on the launcher alone; this bench's class path also holds every
        // chapter's libraries (JUnit, Redis clients...), which the JDK's first System.Logger and object
        // stream would scan jar by jar.
        String classPath = WholeProgram.ownLocationAndLauncher();
        double hello = Figures.median(SINGLE_RUNS, () -> WholeProgram.seconds(WholeProgram.ownLocation(), Hello.class) * 1e3);
        Figures.print("process.bare_java_hello", hello, "ms");
        // Interleaved, so that the machine's load weighs on both alike.
        double[] withSpare = new double[PROGRAM_RUNS];
        double[] withoutSpare = new double[PROGRAM_RUNS];
        double[] bareSpawn = new double[PROGRAM_RUNS];
        for (int i = 0; i < PROGRAM_RUNS; i++) {
            withSpare[i] = WholeProgram.seconds(classPath, OneChildProgram.class);
            withoutSpare[i] = WholeProgram.seconds(classPath, OneChildProgram.class, "-Dmp4j.spare=false");
            bareSpawn[i] = WholeProgram.seconds(WholeProgram.ownLocation(), BareSpawnProgram.class, List.of(),
                    List.of(WholeProgram.ownLocation()));
        }
        double program = Figures.median(withSpare);
        double programNoSpare = Figures.median(withoutSpare);
        double programFloor = Figures.median(bareSpawn);
        Figures.print("process.program_one_child", program, "s");
        Figures.print("process.program_one_child_no_spare", programNoSpare, "s");
        Figures.print("process.floor.program_bare_spawn", programFloor, "s");
        double twoHellos = 2 * hello / 1e3;
        Figures.print("process.floor.two_bare_java_hello", twoHellos, "s");

        Map<String, Double> cpython = Figures.cpython("process.py");
        Figures.print("ratio.process.start_join_one/process.bare_java_hello", one / hello, "x");
        Figures.print("ratio.process.program_one_child/process.program_one_child_no_spare", program / programNoSpare, "x");
        Figures.printRatio("process.program_one_child", program, cpython, "process.program_one_child.spawn");
        Figures.printRatio("process.program_one_child_no_spare", programNoSpare, cpython, "process.program_one_child.spawn");
        Figures.printRatio("process.first_start_join", first, cpython, "process.first_start_join.spawn");
        Figures.printRatio("process.start_join_one", one, cpython, "process.start_join_one.spawn");
        Figures.printRatio("process.start_join_one", one, cpython, "process.start_join_one.fork");
        Figures.printRatio("process.start_join_one_spare_ready", oneWithSpareReady, cpython, "process.start_join_one.spawn");
        Figures.printRatio("process.start_join_100", hundred, cpython, "process.start_join_100.spawn");
        Figures.printRatio("process.start_join_100", hundred, cpython, "process.start_join_100.fork");
        // The floors against the same CPython figures: no launcher's ratio can be below these here.
        Figures.printRatio("process.floor.bare_java_100", hundredBare, cpython, "process.start_join_100.spawn");
        Figures.printRatio("process.floor.program_bare_spawn", programFloor, cpython, "process.program_one_child.spawn");
        Figures.printRatio("process.floor.two_bare_java_hello", twoHellos, cpython, "process.program_one_child.spawn");
        Figures.print("ratio.process.start_join_100/process.floor.bare_java_100", hundred / hundredBare, "x");
        Figures.print("ratio.process.program_one_child/process.floor.program_bare_spawn", program / programFloor, "x");
    }

    private static double startJoin() throws InterruptedException {
        long start = System.nanoTime();
        ChildProcess child = new ChildProcess(ProcessBench::noop);
        child.start();
        child.join();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double startHundredThenJoin() throws InterruptedException {
        long start = System.nanoTime();
        List<ChildProcess> children = new ArrayList<>(HUNDRED);
        for (int i = 0; i < HUNDRED; i++) {
            ChildProcess child = new ChildProcess(ProcessBench::noop);
            child.start();
            children.add(child);
        }
        for (ChildProcess child : children) {
            child.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
