package dev.mp4j.launcher;

import dev.mp4j.launcher.managers.Manager;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One Manager server for a test class's contract tests: started before the first, closed after the last. */
final class OneManager implements BeforeAllCallback, AfterAllCallback {

    private Manager manager;

    Manager get() {
        return manager;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        manager = new Manager();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        manager.close();
    }
}
