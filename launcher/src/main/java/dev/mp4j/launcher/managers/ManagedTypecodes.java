package dev.mp4j.launcher.managers;

/** Python's typecodes for a manager's Value and Array, mapped to Java's boxed types. */
final class ManagedTypecodes {

    private ManagedTypecodes() {
    }

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

    static void check(char typecode) {
        if ("bBuchHiIlLqQfd".indexOf(typecode) < 0) {
            throw badTypecode(typecode);
        }
    }

    private static IllegalArgumentException badTypecode(char typecode) {
        return new IllegalArgumentException("bad typecode '" + typecode + "' (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
