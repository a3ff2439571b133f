package dev.mp4j.launcher.managers;

import java.io.Serializable;

/**
 * Who calls a managed object: a random per-JVM token and the caller's thread id. Lock owners are explicit
 * because the server thread that runs a call is not the caller's thread.
 */
record Owner(long process, long thread) implements Serializable {
}
