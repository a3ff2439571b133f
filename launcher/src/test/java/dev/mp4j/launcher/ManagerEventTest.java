package dev.mp4j.launcher;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SharedEvent} contract for a manager's Event. */
class ManagerEventTest extends EventContract {

    @RegisterExtension
    static final OneManager manager = new OneManager();

    @Override
    SharedEvent newEvent() {
        return manager.get().event();
    }
}
