package dev.mp4j.launcher.timeline;

import java.io.IOException;
import java.util.List;

/** Where a JVM's trace events go: the trace file, or the parent. */
interface EventSink {

    void write(List<String> events) throws IOException;

    void close();
}
