package dev.mp4j.launcher.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deserialization filter every channel reads through: application and JDK value classes pass, gadgets do not. */
class SerialFilterTest {

    @Test
    void theFilterRefusesGadgetClasses() {
        assertThat(SerialFilter.allowed(String.class)).isTrue();
        assertThat(SerialFilter.allowed(java.util.HashMap.class)).isTrue();
        assertThat(SerialFilter.allowed(SerialFilterTest.class)).isTrue();
        assertThat(SerialFilter.allowed(javax.management.BadAttributeValueExpException.class)).isFalse();
        assertThat(SerialFilter.allowed(java.net.URL.class)).isFalse();
        byte[] bytes = Serialization.toBytes(new javax.management.BadAttributeValueExpException("x"), "gadget");
        assertThatThrownBy(() -> Serialization.fromBytes(bytes)).hasMessageContaining("refused by mp4j's deserialization filter");
    }
}
