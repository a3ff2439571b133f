package dev.mp4j.bench.echo;

import dev.mp4j.selectors.EchoServer;
import dev.mp4j.selectors.SelectorEchoServer;
import dev.mp4j.selectors.VirtualThreadEchoServer;

/**
 * Runs one of chapter 07's echo servers in its own JVM for the bench, as {@code selectors_echo.py} runs
 * CPython's: quiet, on 127.0.0.1 port 0 with a 4096 backlog; prints {@code port N}, serves until its
 * standard input ends (the bench closes it, or dies), then closes. A process of its own keeps the server's
 * sockets off the load client's open-file limit and measures both languages the same way.
 */
public final class EchoServerProcess {

    private EchoServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "selector";
        try (EchoServer server = switch (kind) {
            case "selector" -> SelectorEchoServer.open(0, 4096, null);
            case "virtual" -> VirtualThreadEchoServer.open(0, 4096, null);
            default -> throw new IllegalArgumentException("server kind is selector or virtual, not " + kind);
        }) {
            server.start();
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // anything on stdin is ignored; its end means stop
            }
        }
    }
}
