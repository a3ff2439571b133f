package dev.mp4j.asynciostyle;

import dev.mp4j.asynciostyle.loop.Future;
import dev.mp4j.asynciostyle.loop.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskReprPendingToFinishedTest {

    @Test
    void printsPendingBeforeTheLoopAndFinishedAfter() throws Exception {
        List<String> lines = Stdout.capture(() -> TaskReprPendingToFinished.main(new String[0]));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("<Task pending name='Task-\\d+' coro=<do_some_work\\(\\)>>");
        assertThat(lines.get(1)).isEqualTo("Waiting:  2");
        assertThat(lines.get(2)).matches("<Task finished name='Task-\\d+' coro=<do_some_work\\(\\) done> result=None>");
        assertThat(lines.get(3)).startsWith("TIME:  ");
    }

    /** The article: "isinstance(task, asyncio.Future)将会输出True". */
    @Test
    void aTaskIsAFuture() {
        assertThat(Future.class).isAssignableFrom(Task.class);
    }
}
