package dev.mp4j.launcher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Connection} contract for a socket: a {@link Listener}'s accepted end and the
 * {@link Client}'s; what only sockets do (authentication, TCP) is in {@link ConnectionTest}.
 */
class SocketConnectionTest extends ConnectionContract {

    @Override
    Connection[] connectedPair() throws Exception {
        Listener listener = new Listener();
        opened.add(listener);
        CompletableFuture<Connection> client = CompletableFuture.supplyAsync(() -> Client.connect(listener.address()));
        Connection accepted = listener.accept();
        return new Connection[] {client.get(30, TimeUnit.SECONDS), accepted};
    }
}
