package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunUntilCompleteCoroutineTest {

    @Test
    void theCoroutineRunsOnlyWhenTheLoopRunsIt() throws Exception {
        List<String> lines = Stdout.capture(() -> RunUntilCompleteCoroutine.main(new String[0]));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Waiting:  2");
        assertThat(lines.get(1)).startsWith("TIME:  0.");
    }

    @Test
    void creatingTheCoroutineRunsNothing() throws Exception {
        List<String> lines = Stdout.capture(() -> RunUntilCompleteCoroutine.doSomeWork(2));
        assertThat(lines).isEmpty();
    }
}
