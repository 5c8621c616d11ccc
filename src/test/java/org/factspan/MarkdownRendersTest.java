package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file of the project renders as written: a code fence left open turns the rest of the file into code
 * (the README once rendered half of itself that way).
 */
class MarkdownRendersTest {

    @Test
    void everyCodeFenceIsClosed() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Stream.of(Path.of("README.md")), Files.walk(Path.of("docs")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                int lastOpened = -1;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).stripLeading().startsWith("```")) {
                        lastOpened = lastOpened < 0 ? i + 1 : -1;
                    }
                }
                if (lastOpened > 0) {
                    open.add(file + ": the fence opened at line " + lastOpened + " is never closed");
                }
            }
        }
        assertThat(open).isEmpty();
    }
}
