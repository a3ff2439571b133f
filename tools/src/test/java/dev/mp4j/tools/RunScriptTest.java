package dev.mp4j.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./run}: what it says about a wrong ID, class or option, and where each argument goes. */
@Timeout(120)
class RunScriptTest {

    private static final String CATALOG = "P01–P20, I01–I07, M01–M03, L01–L03, O01–O05, C01–C03, S01–S02, A01–A25";

    @Test
    void anIdMissingFromTheCatalogIsNamedWithTheCatalogsIds() {
        for (String id : List.of("P99", "P21", "I08", "A26", "S03")) {
            ScriptRun run = ScriptRun.of("run", List.of(id));
            assertThat(run.exitCode()).as(id).isEqualTo(2);
            assertThat(run.err()).as(id)
                    .contains("no example " + id + " in EXAMPLES.md; catalog IDs are " + CATALOG);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void anIdWithAnUnknownLetterIsAnsweredTheSameWay() {
        ScriptRun run = ScriptRun.of("run", List.of("X99"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no example X99 in EXAMPLES.md; catalog IDs are " + CATALOG);
    }

    @Test
    void aLowerCaseIdFindsItsExample() {
        ScriptRun run = ScriptRun.of("run", List.of("--dry-run", "p01"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.values("class")).containsExactly("dev.mp4j.process.StartWithoutJoin");
        assertThat(run.values("module")).containsExactly("01-process");
    }

    @Test
    void anUnknownClassPointsToCatalogIdsAndExamplesMd() {
        ScriptRun run = ScriptRun.of("run", List.of("dev.mp4j.process.NoSuchExample"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no main class dev.mp4j.process.NoSuchExample under */src/main/java")
                .contains("catalog ID (" + CATALOG + "; see EXAMPLES.md)");
    }

    @Test
    void aClassFoundBySimpleNameRuns() {
        ScriptRun run = ScriptRun.of("run", List.of("--dry-run", "QueueBetweenParentAndChild"));
        assertThat(run.values("class")).containsExactly("dev.mp4j.ipc.QueueBetweenParentAndChild");
    }

    @Test
    void systemPropertiesBeforeAndRightAfterTheIdGoToTheJvmAndTheRestToMain() {
        ScriptRun run = ScriptRun.of("run", List.of("--dry-run", "-Da=1", "O01", "-Db=2", "x", "-Dc=3", "y"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.values("class")).containsExactly("dev.mp4j.pool.CallbackRunsInParent");
        assertThat(run.values("jvm")).containsExactly("-Da=1", "-Db=2");
        assertThat(run.values("arg")).containsExactly("x", "-Dc=3", "y");
    }

    @Test
    void anotherOptionBeforeTheExampleIsRefusedByName() {
        ScriptRun run = ScriptRun.of("run", List.of("-Xmx1g", "P01"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("./run: -Xmx1g: only --dry-run, --timeline=FILE and -Dname=value options may come before the example")
                .contains("usage: ./run");
    }

    @Test
    void noExampleGetsTheUsage() {
        ScriptRun run = ScriptRun.of("run", List.of("-Dmp4j.timeScale=0.1"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("usage: ./run [--dry-run] [--timeline=FILE.html|FILE.json] [-Dname=value ...] ID|ClassName");
    }

    @Test
    void aTimelineIsRecordedWhereTheCallerSaysAndStartsBeforeTheExample() {
        ScriptRun run = ScriptRun.of("run", List.of("--dry-run", "--timeline=/tmp/p15.html", "-Dmp4j.timeScale=0.25", "P15"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.values("class")).containsExactly("dev.mp4j.process.TwoProcessesInParallel");
        assertThat(run.values("jvm")).containsExactly("-Dmp4j.timeline=/tmp/p15.html", "-Dmp4j.timeScale=0.25");

        ScriptRun relative = ScriptRun.of("run", List.of("--dry-run", "--timeline=run.json", "P15"));
        assertThat(relative.values("jvm")).singleElement().asString().startsWith("-Dmp4j.timeline=/").endsWith("/run.json");
    }

    @Test
    void aTimelineWithoutAFileIsRefused() {
        ScriptRun run = ScriptRun.of("run", List.of("--timeline", "P15"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("./run: --timeline needs a file: --timeline=run.html (a page) or --timeline=run.json (a Chrome trace)");
    }
}
