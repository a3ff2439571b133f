package dev.mp4j.launcher.managers;

/**
 * One object a Manager server holds: a plain Java object in the server JVM, reached by method name. Every
 * call runs as one atomic step under the object's monitor, except waits, which release it.
 */
interface Managed {
    Object call(Owner owner, String method, Object[] args) throws Exception;
}
