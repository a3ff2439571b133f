package dev.mp4j.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A command a README gives a reader: a line of a fenced code block that starts with it (its trailing
 * {@code # comment} dropped), or an inline code span that holds it, as in a table cell.
 */
record ReadmeCommand(Path readme, int line, String text) {

    private static final Pattern INLINE = Pattern.compile("`((?:\\./run|bench/run|\\./mvnw)(?: [^`]*)?)`");

    /** Every README.md of the repository: the root's and each module folder's. */
    static List<Path> readmes() {
        try (Stream<Path> folders = Files.list(Repository.ROOT)) {
            List<Path> readmes = new ArrayList<>(List.of(Repository.ROOT.resolve("README.md")));
            folders.map(folder -> folder.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(readmes::add);
            return readmes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands of every README that start with {@code program} ({@code ./run}, {@code bench/run}, {@code ./mvnw}). */
    static List<ReadmeCommand> all(String program) {
        return readmes().stream().flatMap(readme -> in(readme).stream())
                .filter(command -> command.program().equals(program)).toList();
    }

    static List<ReadmeCommand> in(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReadmeCommand> commands = new ArrayList<>();
        boolean inCodeBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inCodeBlock = !inCodeBlock;
            } else if (inCodeBlock) {
                if (line.startsWith("./run ") || line.startsWith("bench/run") || line.startsWith("./mvnw ")) {
                    int comment = line.indexOf(" #");
                    commands.add(new ReadmeCommand(readme, i + 1, (comment < 0 ? line : line.substring(0, comment)).strip()));
                }
            } else {
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    commands.add(new ReadmeCommand(readme, i + 1, inline.group(1).strip()));
                }
            }
        }
        return commands;
    }

    String program() {
        return words().getFirst();
    }

    /** The words after the program. */
    List<String> arguments() {
        List<String> words = words();
        return words.subList(1, words.size());
    }

    private List<String> words() {
        return Arrays.asList(text.split("\\s+"));
    }

    @Override
    public String toString() {
        return Repository.ROOT.relativize(readme) + ":" + line + ": " + text;
    }
}
