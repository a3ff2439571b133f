package dev.mp4j.launcher;

import java.util.List;

/** The value and array contract for {@link Value} and {@link Array} in shared memory; the rest is {@link ValueArrayTest}. */
class LocalValueTest extends ValueContract {

    private record SharedCell(Value value) implements Cell {
        @Override
        public Object get() {
            return value.typecode() == 'u' ? (Object) value.getChar() : value.get();
        }

        @Override
        public void set(Object item) {
            if (item instanceof Character c) {
                value.setChar(c);
            } else {
                value.set((Number) item);
            }
        }
    }

    @Override
    Cell newValue(char typecode, Object initial) {
        return new SharedCell(initial instanceof Character c ? new Value(typecode, c.charValue()) : new Value(typecode, (Number) initial));
    }

    @Override
    List<Object> newArray(char typecode, List<?> values) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = (List<Number>) values;
        return List.copyOf(new Array(typecode, numbers).toList());
    }
}
