package dev.mp4j.launcher.timeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Runs a program's {@code main} with the recording started first, so its first printed line is in the
 * timeline and a path that cannot be written stops the run before it begins:
 * {@code java -Dmp4j.timeline=run.html dev.mp4j.launcher.timeline.RecordedMain CLASS [args...]}
 * ({@code ./run --timeline=run.html ID} does this). Without it, {@code -Dmp4j.timeline} records from
 * the program's first use of the launcher on.
 */
public final class RecordedMain {

    private static final int USAGE_EXIT_CODE = 2;

    private RecordedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: java -D" + Timeline.PROPERTY + "=FILE.json|FILE.html " + RecordedMain.class.getName()
                    + " MAIN_CLASS [args...]");
            System.exit(USAGE_EXIT_CODE);
        }
        if (System.getProperty(Timeline.PROPERTY, "").isBlank()) {
            System.err.println(RecordedMain.class.getSimpleName() + ": set -D" + Timeline.PROPERTY + "=FILE.json or FILE.html");
            System.exit(USAGE_EXIT_CODE);
        }
        try {
            Timeline.start();
        } catch (ExceptionInInitializerError failed) {
            System.err.println(failed.getCause().getMessage());
            System.exit(USAGE_EXIT_CODE);
        }
        Timeline.useLane("MainProcess");
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new IllegalArgumentException(args[0] + ".main is not static");
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
