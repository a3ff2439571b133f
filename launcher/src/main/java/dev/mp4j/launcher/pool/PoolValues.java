package dev.mp4j.launcher.pool;

/**
 * Compact forms for the item and result arrays of a map chunk. Java serialization writes every boxed
 * {@code Integer} as an object (class reference, handle, value); an {@code int[]} is one bulk copy.
 * Packing a chunk of all-Integer (all-Long, all-Double) values this way is what keeps {@code map} of
 * 100 000 tiny items ahead of CPython's pickle.
 */
final class PoolValues {

    private PoolValues() {
    }

    /** An {@code int[]}, {@code long[]} or {@code double[]} when every value has that boxed type, else the array. */
    static Object pack(Object[] values) {
        if (values.length == 0) {
            return values;
        }
        Class<?> type = values[0] == null ? null : values[0].getClass();
        for (Object value : values) {
            if (value == null || value.getClass() != type) {
                return values;
            }
        }
        if (type == Integer.class) {
            int[] ints = new int[values.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (Integer) values[i];
            }
            return ints;
        }
        if (type == Long.class) {
            long[] longs = new long[values.length];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = (Long) values[i];
            }
            return longs;
        }
        if (type == Double.class) {
            double[] doubles = new double[values.length];
            for (int i = 0; i < doubles.length; i++) {
                doubles[i] = (Double) values[i];
            }
            return doubles;
        }
        return values;
    }

    /** The values {@link #pack} was given, boxed again. */
    static Object[] unpack(Object packed) {
        if (packed instanceof int[] ints) {
            Object[] values = new Object[ints.length];
            for (int i = 0; i < ints.length; i++) {
                values[i] = ints[i];
            }
            return values;
        }
        if (packed instanceof long[] longs) {
            Object[] values = new Object[longs.length];
            for (int i = 0; i < longs.length; i++) {
                values[i] = longs[i];
            }
            return values;
        }
        if (packed instanceof double[] doubles) {
            Object[] values = new Object[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                values[i] = doubles[i];
            }
            return values;
        }
        return (Object[]) packed;
    }
}
