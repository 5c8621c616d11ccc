package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app runs on the committed frontend bundles (production mode by default, decision 021): a change under
 * {@code frontend/} that is not rebuilt into them would silently run the old code. Vaadin records the SHA-256 of every
 * frontend file it bundled in the bundle's {@code config/stats.json}; each of our frontend sources must be there with
 * its current hash.
 */
class BundlesAreCurrentTest {

    private static final Path FRONTEND = Path.of("frontend");

    @ParameterizedTest
    @ValueSource(strings = {"src/main/bundles/prod.bundle", "src/main/bundles/dev.bundle"})
    void everyFrontendSourceIsInTheBundleAsItIsNow(String bundle) throws IOException {
        Map<String, String> bundled = bundledHashes(Path.of(bundle));
        Map<String, String> mismatches = new TreeMap<>();
        for (Path file : frontendSources()) {
            String name = FRONTEND.relativize(file).toString().replace('\\', '/');
            String now = sha256(Files.readAllBytes(file));
            String then = bundled.get(name);
            if (!now.equals(then)) {
                mismatches.put(name, then == null ? "not in the bundle" : "changed since the bundle was built");
            }
        }
        assertThat(mismatches)
                .as("frontend/ changed but %s was not rebuilt: run scripts/rebuild-bundles.sh and commit both bundles",
                        bundle)
                .isEmpty();
    }

    private static Map<String, String> bundledHashes(Path bundle) throws IOException {
        try (var zip = new ZipFile(bundle.toFile())) {
            var entry = zip.getEntry("config/stats.json");
            assertThat(entry).as("config/stats.json in %s", bundle).isNotNull();
            JsonNode stats = JsonMapper.builder().build().readTree(zip.getInputStream(entry));
            Map<String, String> hashes = new TreeMap<>();
            stats.path("frontendHashes").properties().forEach(e -> hashes.put(e.getKey(), e.getValue().asString()));
            return hashes;
        }
    }

    /** What Vaadin bundles from frontend/: the sources, not their unit tests nor what Vaadin generates there. */
    private static java.util.List<Path> frontendSources() throws IOException {
        try (Stream<Path> files = Files.walk(FRONTEND)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !FRONTEND.relativize(f).startsWith("generated"))
                    .filter(f -> !f.getFileName().toString().matches(".*\\.test\\.(ts|js)|README\\.md"))
                    .sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
