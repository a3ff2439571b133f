package dev.mp4j.launcher.pool;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** A serializable lambda taken apart into its class's shape and its captured values, and put back together. */
@Timeout(10)
class LambdaShapeTest {

    static final class NotALambda implements Pool.Call<Integer>, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Integer call() {
            return 1;
        }
    }

    private static Object rebuiltFromBytes(LambdaShape.Parts parts) throws Exception {
        byte[] bytes = parts.shape().bytes();
        LambdaShape received = LambdaShape.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)));
        return received.rebuild(parts.captured());
    }

    @Test
    void aShapeNamingAJdkClassAsItsCapturerIsRefusedByTheFilter() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF("java/lang/Runtime"); // the capturing class
            out.writeUTF("dev/mp4j/launcher/pool/Pool$Call");
            out.writeUTF("call");
            out.writeUTF("()Ljava/lang/Object;");
            out.writeByte(java.lang.invoke.MethodHandleInfo.REF_invokeStatic);
            out.writeUTF("java/lang/Runtime");
            out.writeUTF("getRuntime");
            out.writeUTF("()Ljava/lang/Runtime;");
            out.writeUTF("()Ljava/lang/Object;");
        }
        LambdaShape shape = LambdaShape.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shape.rebuild(new Object[0]))
                .isInstanceOf(java.io.InvalidClassException.class)
                .hasMessageContaining("java.lang.Runtime")
                .hasMessageContaining("refused by mp4j's deserialization filter");
    }

    @Test
    void aCapturingLambdaComesBackWithItsValues() throws Exception {
        int n = 6;
        String word = "six";
        Pool.Call<String> call = () -> word + n;
        LambdaShape.Parts parts = LambdaShape.takeApart(call);
        assertThat(parts.captured()).containsExactly(word, n);
        @SuppressWarnings("unchecked")
        Pool.Call<String> rebuilt = (Pool.Call<String>) rebuiltFromBytes(parts);
        assertThat(rebuilt).isNotSameAs(call);
        assertThat(rebuilt.call()).isEqualTo("six6");
    }

    @Test
    void everyInstanceOfOneLambdaSharesItsShape() {
        List<LambdaShape> shapes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            Pool.Call<Integer> call = () -> n;
            shapes.add(LambdaShape.takeApart(call).shape());
        }
        Pool.Call<Integer> other = () -> 0;
        assertThat(shapes).allSatisfy(shape -> assertThat(shape).isSameAs(shapes.get(0)));
        assertThat(LambdaShape.takeApart(other).shape().id).isNotEqualTo(shapes.get(0).id);
    }

    @Test
    void aMethodReferenceWithABoundReceiverComesBack() throws Exception {
        String text = "abc";
        Pool.Call<Integer> length = text::length;
        Pool.Task<Integer, Integer> absolute = Math::abs;
        @SuppressWarnings("unchecked")
        Pool.Call<Integer> rebuiltLength = (Pool.Call<Integer>) rebuiltFromBytes(LambdaShape.takeApart(length));
        @SuppressWarnings("unchecked")
        Pool.Task<Integer, Integer> rebuiltAbsolute = (Pool.Task<Integer, Integer>) rebuiltFromBytes(LambdaShape.takeApart(absolute));
        assertThat(rebuiltLength.call()).isEqualTo(3);
        assertThat(rebuiltAbsolute.apply(-4)).isEqualTo(4);
    }

    @Test
    void whatIsNoSerializableLambdaIsLeftToAnObjectStream() {
        Runnable plain = () -> { };
        assertThat(LambdaShape.takeApart(new NotALambda())).isNull();
        assertThat(LambdaShape.takeApart(plain)).isNull();
        assertThat(LambdaShape.takeApart("text")).isNull();
    }
}
