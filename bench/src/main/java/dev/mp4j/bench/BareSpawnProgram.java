package dev.mp4j.bench;


/**
 * The floor of {@link OneChildProgram}: a Java program that starts one bare {@code java Hello}, with the
 * flags the launcher gives its children, and waits for it. What is above this is the launcher's own.
 */
public final class BareSpawnProgram {

    private BareSpawnProgram() {
    }

    public static void main(String[] args) throws Exception {
        java.lang.Process child = new ProcessBuilder(BareJvm.command(args[0]))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        System.exit(child.waitFor());
    }
}
