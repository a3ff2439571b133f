package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import dev.mp4j.launcher.managers.ValueProxy;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The value and array contract for a manager's value and array. */
class ManagerValueTest extends ValueContract {

    private static Manager manager;

    @BeforeAll
    static void startManager() {
        manager = new Manager();
    }

    @AfterAll
    static void stopManager() {
        manager.close();
    }

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
        return new ProxyCell(manager.value(typecode, initial));
    }

    @Override
    List<Object> newArray(char typecode, List<?> values) {
        return manager.<Object>array(typecode, values).copy();
    }
}
