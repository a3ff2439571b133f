package dev.mp4j.launcher;

/** The {@link SharedEvent} contract for the launcher's Event. */
class LocalEventTest extends EventContract {

    @Override
    SharedEvent newEvent() {
        return new Event();
    }
}
