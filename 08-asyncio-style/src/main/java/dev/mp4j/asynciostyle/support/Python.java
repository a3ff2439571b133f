package dev.mp4j.asynciostyle.support;

import dev.mp4j.launcher.Time;

import java.math.BigDecimal;
import java.util.StringJoiner;

/** The two Python built-ins every example uses: {@code print(*args)} and {@code now = lambda: time.time()}. */
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

    /** {@code time.time()}. */
    public static double now() {
        return Time.time();
    }
}
