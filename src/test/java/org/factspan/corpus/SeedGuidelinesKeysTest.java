package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The seed guidelines describe the editor's real keys (issue 17, decision 023): every key the editor's key map
 * ({@code frontend/annotator/keymap.ts}) answers is named in the guidelines' "Keys" section, and every key that
 * section names is one the key map (or a label of the seed schema) answers. A key added to either side alone fails.
 */
class SeedGuidelinesKeysTest {

    /** How the guidelines write each key of the key map (both cases of a letter key are one key). */
    static final Map<String, String> WRITTEN = new LinkedHashMap<>();

    static {
        WRITTEN.put("Escape", "Esc");
        WRITTEN.put("Tab", "Tab");
        WRITTEN.put("Enter", "Enter");
        WRITTEN.put("Delete", "Del");
        WRITTEN.put("Backspace", "Backspace");
        WRITTEN.put("l", "l");
        WRITTEN.put("L", "l");
        WRITTEN.put("x", "x");
        WRITTEN.put("X", "x");
        WRITTEN.put("[", "[");
        WRITTEN.put("]", "]");
        WRITTEN.put("\\", "\\");
        WRITTEN.put("Ctrl+z", "Ctrl+Z");
        WRITTEN.put("Ctrl+y", "Ctrl+Y");
    }

    /** Written forms that combine a key of the map with Shift (the map reads e.shiftKey for them). */
    static final Set<String> COMBINED = Set.of("Shift+Tab", "Ctrl+Shift+Z");

    static Set<String> keyMapKeys() throws IOException {
        String source = Files.readString(Path.of("frontend/annotator/keymap.ts"));
        Set<String> keys = new TreeSet<>();
        Matcher plain = Pattern.compile("\\bkey === '((?:[^'\\\\]|\\\\.)+)'").matcher(source);
        while (plain.find()) {
            keys.add(plain.group(1).replace("\\\\", "\\"));
        }
        Matcher withCtrl = Pattern.compile("\\bk === '([a-z])'").matcher(source);
        while (withCtrl.find()) {
            keys.add("Ctrl+" + withCtrl.group(1));
        }
        Matcher toggle = Pattern.compile("TOGGLE_GHOSTS_KEY = '((?:[^'\\\\]|\\\\.)+)'").matcher(source);
        assertThat(toggle.find()).as("the key map names its suggestions toggle").isTrue();
        keys.add(toggle.group(1).replace("\\\\", "\\"));
        return keys;
    }

    static String keysSection() throws IOException {
        String guidelines = Files.readString(Path.of("seeds/guidelines.md"));
        int start = guidelines.indexOf("## Keys");
        assertThat(start).as("the seed guidelines have a Keys section").isNotNegative();
        int next = guidelines.indexOf("\n## ", start + 1);
        return next < 0 ? guidelines.substring(start) : guidelines.substring(start, next);
    }

    static Set<String> labelKeys() throws IOException {
        String project = Files.readString(Path.of("seeds/project.json"));
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("\"(?:key|letter)\"\\s*:\\s*\"([^\"]+)\"").matcher(project);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void everyKeyOfTheEditorIsInTheGuidelines() throws IOException {
        Set<String> keys = keyMapKeys();
        assertThat(keys).as("keys read from keymap.ts").contains("Delete", "l", "Tab", "Ctrl+z", "Escape");
        String section = keysSection();
        for (String key : keys) {
            assertThat(WRITTEN).as("how the guidelines write the key map's key '" + key + "'").containsKey(key);
            assertThat(section).as("the guidelines name " + WRITTEN.get(key)).contains("`" + WRITTEN.get(key) + "`");
        }
        for (String label : labelKeys()) {
            assertThat(section).as("the guidelines name the label key " + label).contains("`" + label + "`");
        }
        assertThat(section).as("a click selects; it does not delete").doesNotContain("Click a span to delete");
    }

    @Test
    void everyKeyTheGuidelinesNameIsOneTheEditorAnswers() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String key : keyMapKeys()) {
            known.add(WRITTEN.getOrDefault(key, key));
        }
        known.addAll(labelKeys());
        known.addAll(COMBINED);
        Matcher named = Pattern.compile("`([^`]+)`").matcher(keysSection());
        while (named.find()) {
            assertThat(known).as("the guidelines name `" + named.group(1) + "`: a key the editor answers")
                    .contains(named.group(1));
        }
    }
}
