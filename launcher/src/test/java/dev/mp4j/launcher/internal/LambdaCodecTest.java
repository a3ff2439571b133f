package dev.mp4j.launcher.internal;

import dev.mp4j.launcher.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lambdas and method references carried as their implementation method and captured values, and what
 * falls back to an object stream. Decoding happens in this JVM; the child side runs the same code.
 */
@Timeout(30)
class LambdaCodecTest {

    interface Call<T> extends Serializable {
        T call(Object argument) throws Exception;
    }

    interface Supply<T> extends Serializable {
        T get() throws Exception;
    }

    @Test
    void aLambdaCapturingPlainValuesTravelsAsARecipeAndComputesTheSame() throws Exception {
        String prefix = "n=";
        int offset = 40;
        Call<String> function = argument -> prefix + ((Integer) argument + offset);

        Object decoded = LambdaCodec.decode(LambdaCodec.encode(function, "a test function"));

        assertThat(decoded).isInstanceOf(LambdaCall.class);
        assertThat(((LambdaCall) decoded).invoke(2)).isEqualTo("n=42");
    }

    @Test
    void capturedObjectsTravelInOneStreamSoSharedReferencesStayShared() throws Exception {
        List<String> shared = new ArrayList<>(List.of("a"));
        List<List<String>> holder = List.of(shared);
        Supply<Boolean> sameList = () -> holder.get(0) == shared;

        LambdaCall decoded = (LambdaCall) LambdaCodec.decode(LambdaCodec.encode(sameList, "a test function"));

        assertThat(decoded.invoke()).isEqualTo(true);
    }

    @Test
    void aBoundMethodReferenceCallsTheReceiversOverride() throws Exception {
        Greeter greeter = new LoudGreeter();
        Call<String> greet = greeter::greet;

        LambdaCall decoded = (LambdaCall) LambdaCodec.decode(LambdaCodec.encode(greet, "a test function"));

        assertThat(decoded.invoke("Ann")).isEqualTo("HELLO, ANN");
    }

    @Test
    void aLambdaUsingThisAndAConstructorReferenceBothTravel() throws Exception {
        Call<String> usesThis = new Host("hello").greeter();
        Call<StringBuilder> constructs = argument -> new StringBuilder((String) argument);
        Supply<Greeter> newGreeter = Greeter::new;

        assertThat(((LambdaCall) LambdaCodec.decode(LambdaCodec.encode(usesThis, "f"))).invoke("Bo")).isEqualTo("hello Bo");
        assertThat(((LambdaCall) LambdaCodec.decode(LambdaCodec.encode(constructs, "f"))).invoke("x").toString()).isEqualTo("x");
        assertThat(((LambdaCall) LambdaCodec.decode(LambdaCodec.encode(newGreeter, "f"))).invoke()).isInstanceOf(Greeter.class);
    }

    @Test
    void theImplementationsExceptionArrivesAsItselfNotWrapped() throws Exception {
        Supply<Object> fails = () -> {
            throw new IOException("disk full");
        };

        LambdaCall decoded = (LambdaCall) LambdaCodec.decode(LambdaCodec.encode(fails, "a test function"));

        assertThatThrownBy(decoded::invoke).isExactlyInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void aClassImplementingTheInterfaceAndAJdkMethodReferenceTravelAsObjectStreams() throws Exception {
        Call<Integer> parse = argument -> Integer.parseInt((String) argument);
        Supply<String> jdkReference = "abc"::toUpperCase;

        Object asClass = LambdaCodec.decode(LambdaCodec.encode(new Doubler(), "a test function"));
        Object asJdkReference = LambdaCodec.decode(LambdaCodec.encode(jdkReference, "a test function"));

        assertThat(asClass).isInstanceOf(Doubler.class);
        assertThat(((Doubler) asClass).call(21)).isEqualTo(42);
        assertThat(asJdkReference).isNotInstanceOf(LambdaCall.class);
        assertThat(((Supply<?>) asJdkReference).get()).isEqualTo("ABC");
        assertThat(LambdaCodec.decode(LambdaCodec.encode(parse, "f"))).isInstanceOf(LambdaCall.class);
    }

    @Test
    void anUnserializableCaptureFailsInEncodeNamingItsClass() {
        Thread notSerializable = Thread.currentThread();
        Supply<String> captures = notSerializable::getName;

        assertThatThrownBy(() -> LambdaCodec.encode(captures, "the target of Process-9"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the target of Process-9")
                .hasMessageContaining("java.lang.Thread");
    }

    @Test
    void aRecipeNamingAJdkMethodIsRefusedByTheFilter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1); // a recipe
            out.writeUTF("java.lang.Runtime");
            out.writeUTF("getRuntime");
            out.writeUTF("()Ljava/lang/Runtime;");
            out.writeByte(MethodHandleInfo.REF_invokeStatic);
            out.writeByte(1); // tagged captured values
            out.writeInt(0);
        }

        assertThatThrownBy(() -> LambdaCodec.decode(bytes.toByteArray()))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("java.lang.Runtime")
                .hasMessageContaining("refused by mp4j's deserialization filter");
    }

    static class Greeter implements Serializable {
        String greet(Object name) {
            return "hello, " + name;
        }
    }

    static final class LoudGreeter extends Greeter {
        @Override
        String greet(Object name) {
            return super.greet(name).toUpperCase();
        }
    }

    static final class Host implements Serializable {
        private final String greeting;

        Host(String greeting) {
            this.greeting = greeting;
        }

        Call<String> greeter() {
            return argument -> greeting + " " + argument; // captures this
        }
    }

    static final class Doubler implements Call<Integer> {
        @Override
        public Integer call(Object argument) {
            return (Integer) argument * 2;
        }
    }
}
