package dev.mp4j.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mp4j.launcher.ConsoleCapture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** L02: {@link MutexWashroom}: each task's four lines come out, and the two stays never overlap in time. */
class MutexWashroomTest {

    private static final Pattern STAMPED = Pattern.compile("(task[12]) (进了|走出了)洗手间 t=([0-9.]+)");
    private static final double CLOCK_TOLERANCE = 0.005; // two JVMs' clocks, read a few microseconds apart

    @Test
    void theTwoTasksAreNeverInTheWashroomTogether() throws Exception {
        try (ConsoleCapture console = ConsoleCapture.start()) {
            MutexWashroom.run(true);
            List<String> lines = console.outLines();
            for (String task : List.of("task1", "task2")) {
                assertThat(lines).containsSubsequence("-".repeat(9) + "这是 " + task + " 任务" + "-".repeat(10));
                assertThat(lines.stream().filter(l -> l.startsWith(task)).map(l -> l.replaceAll(" t=.*", "")))
                        .containsExactly(task + " 进了洗手间", task + " 办事呢...", task + " 走出了洗手间");
            }
            Map<String, double[]> stay = new HashMap<>();
            for (String line : lines) {
                Matcher m = STAMPED.matcher(line);
                if (m.matches()) {
                    stay.computeIfAbsent(m.group(1), k -> new double[2])[m.group(2).equals("进了") ? 0 : 1] = Double.parseDouble(m.group(3));
                }
            }
            double[] one = stay.get("task1");
            double[] two = stay.get("task2");
            assertThat(one[1]).isGreaterThan(one[0]);
            assertThat(two[1]).isGreaterThan(two[0]);
            boolean oneFirst = one[0] < two[0];
            double[] first = oneFirst ? one : two;
            double[] second = oneFirst ? two : one;
            assertThat(second[0]).as("the second enters after the first has left").isGreaterThanOrEqualTo(first[1] - CLOCK_TOLERANCE);
        }
    }

    @Test
    void centerPadsLikePython() {
        // Python: '这是 task1 任务'.center(30, '-') puts 9 dashes left and 10 right; 'ab'.center(5, '-') == '--ab-'
        assertThat(MutexWashroom.center("这是 task1 任务", 30, '-')).isEqualTo("---------这是 task1 任务----------");
        assertThat(MutexWashroom.center("ab", 5, '-')).isEqualTo("--ab-");
        assertThat(MutexWashroom.center("abc", 6, '-')).isEqualTo("-abc--");
    }
}
