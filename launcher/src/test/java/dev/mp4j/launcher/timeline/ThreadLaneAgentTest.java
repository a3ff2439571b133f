package dev.mp4j.launcher.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ThreadLaneAgentTest {

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The methods of a class's bytes that call the hook named {@code hook}, in order. */
    private static List<String> callersOf(byte[] rewritten, String hook) {
        ClassModel model = ClassFile.of().parse(rewritten);
        return model.methods().stream()
                .filter(method -> method.code().isPresent() && method.code().get().elementStream()
                        .anyMatch(element -> element instanceof InvokeInstruction call
                                && call.owner().asInternalName().endsWith("ThreadHook") && call.name().equalsString(hook)))
                .map(MethodModel::methodName).map(Object::toString).toList();
    }

    @Test
    void threadCallsTheHookBeforeItSchedulesAThreadAndFirstThingAsItExits() throws Exception {
        byte[] rewritten = ThreadLaneAgent.withHooks(classBytes(Thread.class));
        assertThat(callersOf(rewritten, "starting")).containsExactly("start", "start");
        assertThat(callersOf(rewritten, "exiting")).containsExactly("exit");
        List<String> starts = ClassFile.of().parse(rewritten).methods().stream()
                .filter(method -> method.methodName().equalsString("start")).flatMap(method -> method.code().orElseThrow().elementStream())
                .filter(element -> element instanceof InvokeInstruction).map(Object::toString).toList();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).contains("ThreadHook.starting")) {
                assertThat(starts.get(i + 1)).as("what follows the hook").contains("java/lang/Thread.start0");
            }
        }
        MethodModel exit = ClassFile.of().parse(rewritten).methods().stream()
                .filter(method -> method.methodName().equalsString("exit")).findFirst().orElseThrow();
        assertThat(exit.code().orElseThrow().elementStream().filter(element -> element instanceof java.lang.classfile.Instruction)
                .limit(2).map(Object::toString).toList())
                .as("the hook comes before anything else exit() does")
                .satisfiesExactly(
                        first -> assertThat(first).contains("ALOAD_0"),
                        second -> assertThat(second).contains("ThreadHook.exiting"));
    }

    @Test
    void aClassWithoutThreadsStartAndExitIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ThreadLaneAgent.withHooks(classBytes(Object.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this JDK's java.lang.Thread has 0 start0() calls in its start methods and 0 exit() methods;"
                        + " the agent expects at least one and exactly one");
    }
}
