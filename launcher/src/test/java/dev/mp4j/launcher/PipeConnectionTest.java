package dev.mp4j.launcher;

/** The {@link Connection} contract for the two ends of a duplex {@link Pipe}; what only pipes do is in {@link PipeTest}. */
class PipeConnectionTest extends ConnectionContract {

    @Override
    Connection[] connectedPair() {
        Pipe pipe = Pipe.create();
        return new Connection[] {pipe.conn1(), pipe.conn2()};
    }
}
