package dev.mp4j.asynciostyle.loop;

/**
 * Rethrows any throwable unchanged, checked or not. Python re-raises a coroutine's own exception
 * from {@code result()} and {@code await}; wrapping it would break the {@code except} clauses the
 * article's code relies on (A23 catches the fetch error around {@code await}).
 */
final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable error) throws E {
        throw (E) error;
    }
}
