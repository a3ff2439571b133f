package dev.mp4j.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheDirectoryTest {

    @Test
    void aUserNameBecomesASafeFileName() {
        assertThat(CacheDirectory.safeName("ci-runner_2.x")).isEqualTo("ci-runner_2.x");
        assertThat(CacheDirectory.safeName("DOMAIN\\Jane Doe/é")).isEqualTo("DOMAIN_Jane_Doe__");
        assertThat(CacheDirectory.safeName("")).isEmpty();
    }
}
