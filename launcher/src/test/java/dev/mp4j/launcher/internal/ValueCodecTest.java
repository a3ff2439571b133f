package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.ChildProcess;
import dev.mp4j.launcher.ForkOptions;
import dev.mp4j.launcher.Processes;
import dev.mp4j.launcher.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Primitive arrays travel under tags of their own: no object stream, so no SHA-1 for their class. */
@Timeout(60)
class ValueCodecTest {

    private static final byte STREAM_MAGIC_HIGH = (byte) 0xAC;

    /** Decoded from inside a larger buffer, as a manager batch or a ring slot holds it. */
    private static Object roundTrip(Object value) {
        byte[] bytes = ValueCodec.encode(value, "in a test");
        assertThat(bytes[0]).as("not an object stream").isNotEqualTo(STREAM_MAGIC_HIGH);
        byte[] framed = new byte[bytes.length + 5];
        System.arraycopy(bytes, 0, framed, 2, bytes.length);
        return ValueCodec.decode(framed, 2, bytes.length);
    }

    @Test
    void intLongAndDoubleArraysComeBackAsTheyWent() {
        int[] ints = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 42};
        long[] longs = {Long.MIN_VALUE, -7, 0, Long.MAX_VALUE};
        double[] doubles = {-0.0, Double.NaN, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 2.5};
        assertThat((int[]) roundTrip(ints)).containsExactly(ints);
        assertThat((long[]) roundTrip(longs)).containsExactly(longs);
        assertThat(Double.doubleToRawLongBits(((double[]) roundTrip(doubles))[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((double[]) roundTrip(doubles)).containsExactly(doubles);
        assertThat((int[]) roundTrip(new int[0])).isEmpty();
        assertThat((long[]) roundTrip(new long[0])).isEmpty();
        assertThat((double[]) roundTrip(new double[0])).isEmpty();
    }

    @Test
    void otherArraysStillTravelInAnObjectStream() {
        assertThat(ValueCodec.encode(new short[] {1, 2}, "in a test")[0]).isEqualTo(STREAM_MAGIC_HIGH);
        assertThat((short[]) ValueCodec.decode(ValueCodec.encode(new short[] {1, 2}, "in a test"))).containsExactly((short) 1, (short) 2);
    }

    @Test
    void aChildSendingAnIntArraySetsUpNoDigest(@TempDir Path directory) throws Exception {
        Path classLog = directory.resolve("classes.txt");
        Queue<int[]> queue = new Queue<>();
        ChildProcess child = new ChildProcess(() -> queue.put(new int[] {3, 1, 4, 1, 5}));
        child.setForkOptions(ForkOptions.builder().jvmArgs("-Xlog:class+load=info:file=" + classLog).build());

        child.start();
        assertThat(queue.get(true, 30)).containsExactly(3, 1, 4, 1, 5);
        Processes.joinOk(child);

        assertThat(Files.readAllLines(classLog)).anyMatch(line -> line.contains("dev.mp4j.launcher.internal.ValueCodec "))
                .noneMatch(line -> line.contains("java.security.MessageDigest "))
                .noneMatch(line -> line.contains("java.io.ObjectOutputStream "));
    }
}
