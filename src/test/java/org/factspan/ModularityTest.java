package org.factspan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module rules, verified rather than listed (decision 024): every top-level package under {@code org.factspan} is
 * an application module, another module may use only its API (the root package and its named interfaces), and the
 * modules form no cycle. The generated module documentation in {@code docs/modules/} is rewritten by this test.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesDependOnlyOnEachOthersApiAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, stableOrder(Files.readAllLines(diagram)));
            }
        }
    }

    /**
     * The Documenter lists components and relations in hash order, which changes from run to run; sorted, the files
     * change only when the modules do, so {@code git status} shows a real change and nothing else.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int j = i + 1;
            while (kind != null && j < lines.size() && kind.equals(kind(lines.get(j)))) {
                j++;
            }
            List<String> run = new ArrayList<>(lines.subList(i, j));
            if (kind != null) {
                run.sort(null);
            }
            out.addAll(run);
            i = j;
        }
        return out;
    }

    private static String kind(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("Rel(") || trimmed.startsWith("Component(")
                ? trimmed.substring(0, trimmed.indexOf('(')) + line.indexOf(trimmed) : null;
    }
}
