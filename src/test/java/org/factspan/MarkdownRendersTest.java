package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file of the project renders as written: a code fence left open turns the rest of the file into code
 * (the README once rendered half of itself that way), and every link inside the project leads somewhere (a file that
 * exists and, for {@code file.md#part}, a heading of that file).
 */
class MarkdownRendersTest {

    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Stream.of(Path.of("README.md")), Files.walk(Path.of("docs")))) {
            return files.filter(f -> f.toString().endsWith(".md")).toList();
        }
    }

    @Test
    void everyCodeFenceIsClosed() throws IOException {
        List<String> open = new ArrayList<>();
        for (Path file : markdownFiles()) {
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
        assertThat(open).isEmpty();
    }

    @Test
    void everyLinkInsideTheProjectLeadsSomewhere() throws IOException {
        Parser parser = Parser.builder().build();
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            List<String> targets = new ArrayList<>();
            parser.parse(Files.readString(file)).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    targets.add(link.getDestination());
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    targets.add(image.getDestination());
                }
            });
            for (String target : targets) {
                if (target.matches("^[a-z]+:.*") || target.startsWith("/")) {
                    continue; // http(s), mailto and the app's own paths
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(file + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(parser, resolved).contains(anchor)) {
                    broken.add(file + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Parser parser, Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        parser.parse(Files.readString(file)).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        text.append(c.getLiteral());
                    }
                });
                anchors.add(text.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        });
        return anchors;
    }
}
