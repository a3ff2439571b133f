package dev.mp4j.asynciostyle.loop;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Python's {@code functools.partial}, for the one shape the article uses: fix the first argument. */
public final class Functools {

    private Functools() {
    }

    public static <A, F> Consumer<F> partial(BiConsumer<? super A, ? super F> function, A first) {
        return last -> function.accept(first, last);
    }
}
