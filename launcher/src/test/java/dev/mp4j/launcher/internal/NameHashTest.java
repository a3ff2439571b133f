package dev.mp4j.launcher.internal;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** File names in the cache directory come from content: the same content the same name, any change another. */
@Timeout(10)
class NameHashTest {

    @Test
    void theSameContentGetsTheSameTwentyFourHexDigits() {
        String content = "\"-XX:+UseSerialGC\"\n\"-cp\"\n\"/work/app.jar\"";

        String name = new NameHash().add(content).hex();

        assertThat(name).matches("[0-9a-f]{24}").isEqualTo(new NameHash().add(content).hex());
        assertThat(new NameHash().add("\"-XX:+UseSerialGC\"\n").add("\"-cp\"\n\"/work/app.jar\"").hex()).isEqualTo(name);
    }

    @Test
    void everyOneCharacterChangeOfAClassPathGivesAnotherName() {
        Set<String> names = new HashSet<>();
        String base = "/home/ann/project/target/classes:/home/ann/.m2/repository/lib-1.0.jar";
        names.add(new NameHash().add(base).hex());
        for (int i = 0; i < base.length(); i++) {
            char changed = base.charAt(i) == 'x' ? 'y' : 'x';
            names.add(new NameHash().add(base.substring(0, i) + changed + base.substring(i + 1)).hex());
        }
        names.add(new NameHash().add(base + " ").hex());

        assertThat(names).hasSize(base.length() + 2);
    }
}
