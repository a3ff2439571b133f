package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.ValueProxy;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The value and array contract for a manager's value and array. */
class ManagerValueTest extends ValueContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    private record ProxyCell(ValueProxy<Object> value) implements Cell {
        @Override
        public Object get() {
            return value.value();
        }

        @Override
        public void set(Object item) {
            value.setValue(item);
        }
    }

    @Override
    Cell newValue(char typecode, Object initial) {
        return new ProxyCell(manager.get().value(typecode, initial));
    }

    @Override
    List<Object> newArray(char typecode, List<?> values) {
        return manager.get().<Object>array(typecode, values).copy();
    }
}
