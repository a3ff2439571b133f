package dev.mp4j.launcher.internal;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;

/**
 * The deserialization filter every launcher stream uses. Allowed: JDK value types (java.lang, java.util,
 * java.time, java.math, lambdas), the launcher's classes and the application's own classes. Refused:
 * every other JDK class (the usual gadget chains live there: JMX, RMI, XML, scripting) and known gadget
 * libraries on the class path. {@value #ALLOW_PROPERTY} adds a JDK {@link ObjectInputFilter} pattern
 * that is consulted first, for example {@code java.awt.Point;!com.example.Secret}.
 */
public final class SerialFilter implements ObjectInputFilter {

    static final String ALLOW_PROPERTY = "mp4j.serialFilter";
    static final SerialFilter INSTANCE = new SerialFilter();

    private static final Set<String> JDK_VALUE_PACKAGES = Set.of(
            "java.lang", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "java.util.concurrent.locks", "java.util.regex", "java.time", "java.time.chrono",
            "java.time.temporal", "java.time.zone", "java.math", "java.net", "java.nio.file", "java.io");
    private static final Set<String> JDK_REFUSED_CLASSES = Set.of(
            "java.lang.ProcessBuilder", "java.lang.Runtime", "java.lang.Thread", "java.lang.ClassLoader",
            "java.net.URLClassLoader", "java.net.URL", "java.io.File", "java.io.FileDescriptor");
    private static final List<String> GADGET_PREFIXES = List.of(
            "org.apache.commons.collections.", "org.apache.commons.collections4.", "org.apache.commons.beanutils.",
            "org.codehaus.groovy.", "groovy.", "org.springframework.", "com.mchange.", "bsh.", "clojure.",
            "org.hibernate.", "org.apache.xalan.", "com.sun.", "sun.", "jdk.", "javax.", "org.python.",
            "org.mozilla.javascript.", "com.alibaba.fastjson.", "net.sf.json.", "org.apache.wicket.",
            "com.vaadin.", "rome.", "com.rometools.");

    private final ObjectInputFilter userPattern;

    private SerialFilter() {
        String pattern = System.getProperty(ALLOW_PROPERTY);
        userPattern = pattern == null || pattern.isBlank() ? null : ObjectInputFilter.Config.createFilter(pattern);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (userPattern != null) {
            Status status = userPattern.checkInput(info);
            if (status != Status.UNDECIDED) {
                return status;
            }
        }
        if (info.depth() > 64 || info.arrayLength() > 1 << 30) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        return allowed(type) ? Status.ALLOWED : Status.REJECTED;
    }

    /**
     * Whether a lambda carried without an object stream ({@link LambdaCodec}, a pool's lambda shapes) may
     * call a method of, or be rebuilt by, {@code owner}: a
     * class the filter would let an object stream create, and not the JDK's (whose methods a recipe
     * could otherwise name at will). The user's pattern is consulted first, as for streams.
     */
    public static boolean allowsImplementation(Class<?> owner) {
        if (INSTANCE.userPattern != null) {
            Status status = INSTANCE.userPattern.checkInput(new ClassOnly(owner));
            if (status != Status.UNDECIDED) {
                return status == Status.ALLOWED;
            }
        }
        return !isPlatformClass(owner) && allowed(owner);
    }

    /** A filter query about one class, as a stream asks it when the class's descriptor arrives. */
    private record ClassOnly(Class<?> serialClass) implements FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }

    static boolean allowed(Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        String name = type.getName();
        if (isPlatformClass(type)) {
            return JDK_VALUE_PACKAGES.contains(type.getPackageName()) && !JDK_REFUSED_CLASSES.contains(name)
                    || name.equals("java.lang.invoke.SerializedLambda");
        }
        for (String gadget : GADGET_PREFIXES) { // a loop: a parent's first start() checks here, still cold
            if (name.startsWith(gadget)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlatformClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
