package dev.mp4j.manager;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What Python's {@code print} shows for the chapter's shared objects: a dict as {@code {4711: 4711}}, a
 * list as {@code [0, 'Hello']}, a string inside them quoted. Java's own {@code toString} would give
 * {@code {4711=4711}} and {@code [0, Hello]}.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case String text -> "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case Boolean flag -> flag ? "True" : "False";
            case Map<?, ?> dict -> {
                StringJoiner items = new StringJoiner(", ", "{", "}");
                dict.forEach((key, item) -> items.add(repr(key) + ": " + repr(item)));
                yield items.toString();
            }
            case List<?> list -> {
                StringJoiner items = new StringJoiner(", ", "[", "]");
                list.forEach(item -> items.add(repr(item)));
                yield items.toString();
            }
            default -> value.toString();
        };
    }
}
