package dev.mp4j.launcher.timeline;

import dev.mp4j.launcher.timeline.boot.ThreadHook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.AccessFlag;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The agent that gives every thread a program starts a lane, even a thread that prints nothing: the JVM
 * tells no one when a platform thread starts or ends, so this rewrites {@code java.lang.Thread} to call
 * {@link ThreadHook} just before it schedules a new thread ({@code start0}) and as a thread exits (the
 * JVM calls {@code Thread.exit()} on its way out, before {@code join} returns). Loaded with
 * {@code -javaagent:JAR} only when recording, and only into the JVM the user started
 * ({@code ./run --timeline}, {@code RecordedRun}), where the examples start their threads: an agent
 * costs a JVM about 100 ms at start, too much for every child. {@link #writeJar} makes that JAR.
 *
 * <p>The JAR holds {@link ThreadHook} alone and names itself as its boot class path, since code in
 * {@code java.base} sees only the boot class path. A JDK whose {@code Thread} has no such places stops
 * the JVM at start with the reason, rather than record no thread.
 */
public final class ThreadLaneAgent {

    private static final ClassDesc HOOK = ClassDesc.of(ThreadHook.class.getName());
    private static final MethodTypeDesc TAKES_THREAD = MethodTypeDesc.of(ConstantDescs.CD_void, ClassDesc.of(Thread.class.getName()));

    private ThreadLaneAgent() {
    }

    /** {@code java -cp ... ThreadLaneAgent JAR}: writes the agent's JAR (what {@code ./run --timeline} needs). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java " + ThreadLaneAgent.class.getName() + " AGENT.jar");
            System.exit(2);
        }
        try {
            writeJar(Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            System.err.println(ThreadLaneAgent.class.getSimpleName() + ": cannot write the agent's JAR at " + args[0] + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            System.exit(2);
        }
    }

    /** Writes the agent's JAR at {@code jar} (replaced whole, so a JVM starting meanwhile never reads half of one). */
    public static Path writeJar(Path jar) throws IOException {
        Path absolute = jar.toAbsolutePath();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", ThreadLaneAgent.class.getName());
        main.putValue("Can-Retransform-Classes", "true");
        main.putValue("Boot-Class-Path", absolute.getFileName().toString());
        String hookEntry = ThreadHook.class.getName().replace('.', '/') + ".class";
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                 JarOutputStream out = new JarOutputStream(file, manifest);
                 InputStream hook = ThreadHook.class.getResourceAsStream("ThreadHook.class")) {
                if (hook == null) {
                    throw new IOException(hookEntry + " is missing beside " + ThreadLaneAgent.class.getName());
                }
                out.putNextEntry(new JarEntry(hookEntry));
                hook.transferTo(out);
                out.closeEntry();
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return absolute;
    }

    public static void premain(String options, Instrumentation instrumentation) {
        if (ThreadHook.class.getClassLoader() != null) {
            throw new IllegalStateException(ThreadHook.class.getName() + " is not on the boot class path: start the JVM with "
                    + "-javaagent:JAR, JAR written by " + ThreadLaneAgent.class.getName() + ".writeJar");
        }
        // Thread may call the hook: java.base reads no unnamed module unless told to.
        instrumentation.redefineModule(Object.class.getModule(), Set.of(ThreadHook.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
        RuntimeException[] failed = new RuntimeException[1]; // the JVM swallows what a transformer throws
        ClassFileTransformer rewriteThread = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (!"java/lang/Thread".equals(className)) {
                    return null;
                }
                try {
                    return withHooks(bytes);
                } catch (RuntimeException e) {
                    failed[0] = e;
                    return null;
                }
            }
        };
        instrumentation.addTransformer(rewriteThread, true);
        try {
            instrumentation.retransformClasses(Thread.class);
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("cannot give threads lanes: " + e.getMessage(), e);
        } finally {
            instrumentation.removeTransformer(rewriteThread);
        }
        if (failed[0] != null) {
            throw new IllegalStateException("cannot give threads lanes: " + failed[0].getMessage(), failed[0]);
        }
    }

    /** Thread's bytes with the two calls in: before each {@code start0()}, and first thing in {@code exit()}. */
    static byte[] withHooks(byte[] thread) {
        ClassFile classFile = ClassFile.of();
        int[] placed = new int[2]; // [0]: before start0(), [1]: in exit()
        CodeTransform beforeStart0 = (code, element) -> {
            if (element instanceof InvokeInstruction call && call.name().equalsString("start0")) {
                code.aload(0).invokestatic(HOOK, "starting", TAKES_THREAD);
                placed[0]++;
            }
            code.with(element);
        };
        CodeTransform atExit = new CodeTransform() {
            @Override
            public void atStart(CodeBuilder code) {
                code.aload(0).invokestatic(HOOK, "exiting", TAKES_THREAD);
                placed[1]++;
            }

            @Override
            public void accept(CodeBuilder code, CodeElement element) {
                code.with(element);
            }
        };
        ClassTransform transform = (clazz, element) -> {
            if (element instanceof MethodModel method && isStart(method)) {
                clazz.transformMethod(method, MethodTransform.transformingCode(beforeStart0));
            } else if (element instanceof MethodModel method && isExit(method)) {
                clazz.transformMethod(method, MethodTransform.transformingCode(atExit));
            } else {
                clazz.with(element);
            }
        };
        byte[] rewritten = classFile.transformClass(classFile.parse(thread), transform);
        if (placed[0] == 0 || placed[1] != 1) {
            throw new IllegalStateException("this JDK's java.lang.Thread has " + placed[0] + " start0() calls in its start methods and "
                    + placed[1] + " exit() methods; the agent expects at least one and exactly one");
        }
        return rewritten;
    }

    /** {@code start()} and {@code start(ThreadContainer)}: instance methods, where slot 0 is the thread. */
    private static boolean isStart(MethodModel method) {
        return method.methodName().stringValue().startsWith("start") && !method.methodName().equalsString("start0")
                && !method.flags().has(AccessFlag.STATIC);
    }

    private static boolean isExit(MethodModel method) {
        return method.methodName().equalsString("exit") && method.methodType().equalsString("()V");
    }
}
