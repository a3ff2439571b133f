package dev.mp4j.asynciostyle.support;

import dev.mp4j.asynciostyle.loop.KeyboardInterrupt;
import dev.mp4j.launcher.Time;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The two Python built-ins every example uses, {@code print(*args)} and {@code now = lambda: time.time()},
 * and what CPython does when Ctrl+C ends a program.
 */
public final class Python {

    private Python() {
    }

    /** {@code print(a, b, ...)}: str of each argument joined by one space, so {@code print('Waiting: ', 2)} gives "Waiting:  2". */
    public static void print(Object... args) {
        StringJoiner line = new StringJoiner(" ");
        for (Object arg : args) {
            line.add(str(arg));
        }
        System.out.println(line);
    }

    /** Python's {@code str}: floats in plain notation (0.000365, not 3.65E-4), None for null. */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof java.util.Set<?> set) {
            StringJoiner items = new StringJoiner(", ", "{", "}");
            set.forEach(item -> items.add(str(item)));
            return set.isEmpty() ? "set()" : items.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return value.toString();
    }

    /**
     * A {@code KeyboardInterrupt} nobody caught ends a Python program with a traceback (innermost call
     * last) and the exception's name, and exit status 130 (killed by SIGINT). This prints the same, for
     * the example's own frames, and exits; the JVM's default would print "Exception in thread" and the
     * frames of an exception with an empty message, which reads like a crash.
     */
    public static void exitOnKeyboardInterrupt(KeyboardInterrupt interrupt) {
        System.out.flush();
        System.err.println("Traceback (most recent call last):");
        List<StackTraceElement> frames = Arrays.stream(interrupt.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dev.mp4j.asynciostyle."))
                .toList()
                .reversed();
        for (StackTraceElement frame : frames) {
            System.err.printf("  File \"%s\", line %d, in %s%n", frame.getFileName(), frame.getLineNumber(),
                    frame.getMethodName());
        }
        System.err.println("KeyboardInterrupt");
        System.exit(130);
    }

    /** {@code time.time()}. */
    public static double now() {
        return Time.time();
    }
}
