package dev.mp4j.bench;

/** The smallest Java program: the floor for any child JVM's start, timed by {@link ProcessBench}. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
