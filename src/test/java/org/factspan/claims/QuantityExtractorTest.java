package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityExtractorTest {

    final QuantityExtractor extractor = new QuantityExtractor();

    Quantity only(String text) {
        List<Quantity> found = extractor.extract(text);
        assertThat(found).as("quantities in %s", text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            eight police were killed                        | 8
            317 people were wounded                         | 317
            more than 1,000 people had been wounded          | (1000, ∞)
            nearly 400 hospitalised                         | [360, 400)
            dozens were killed                              | [24, 99]
            at least eight officers were killed             | [8, ∞)
            about 200 protesters                            | [180, 220]
            some 50 people                                  | [45, 55]
            up to 30 people                                 | [0, 30]
            less than $600                                  | [0, 600)
            fewer than twenty protesters                    | [0, 20)
            no fewer than 12 buses                          | [12, ∞)
            almost 90 cars                                  | [81, 90)
            twenty-five soldiers                            | 25
            two hundred soldiers                            | 200
            a dozen soldiers                                | 12
            several thousand protesters                     | [3000, 9999]
            hundreds of protesters                          | [200, 999]
            tens of thousands of people                     | [20000, 99999]
            a nation of 19 million                          | 19000000
            1.5 million barrels                             | 1500000
            """)
    void readsNumbersAndQualifiersAsIntervals(String text, String interval) {
        assertThat(only(text).value()).hasToString(interval);
    }

    @Test
    void theIssuesExamplesHaveTheirIntervals() {
        assertThat(only("more than 1,000").value()).isEqualTo(Interval.moreThan(1000));
        assertThat(only("nearly 400").value()).isEqualTo(new Interval(360, true, 400, false));
        assertThat(only("dozens").value()).isEqualTo(Interval.closed(24, 99));
        assertThat(only("eight").value()).isEqualTo(Interval.exactly(8));
    }

    @ParameterizedTest(name = "no quantity in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            on January 5 the president spoke
            until Jan. 19
            published 6 Jan, 2022
            who stepped down in 2019
            a 2011 police crackdown
            the 81-year-old leader
            he is 81 years old
            0:00 0:01:43
            the 6th of January
            one of the most stable countries
            16x9 Image
            the first troops
            """)
    void datesYearsTimesAgesAndOrdinalsAreNotQuantities(String text) {
        assertThat(extractor.extract(text)).isEmpty();
    }

    @Test
    void theEventAndTheThingCountedAreFoundInTheSentence() {
        Quantity q = only("The Interior Ministry claimed eight police and national guard troops were killed.");
        assertThat(q.event()).isEqualTo("killed");
        assertThat(q.counted()).isEqualTo("police");
        List<Quantity> two = extractor.extract("eight police were killed and 317 people were wounded");
        assertThat(two).extracting(Quantity::event).containsExactly("killed", "wounded");
        assertThat(two).extracting(Quantity::counted).containsExactly("police", "people");
        assertThat(only("more than 350 security officers had been wounded").counted()).isEqualTo("security officers");
        // the event of an earlier clause is not taken over
        assertThat(extractor.extract("more than 200 people detained, several thousand protesters stormed the office"))
                .extracting(Quantity::event).containsExactly("detained", null);
        // a part of a count keeps the event of the whole, and is marked
        List<Quantity> part = extractor.extract("13 killed, including two who had their heads cut off");
        assertThat(part.get(1).partial()).isTrue();
        assertThat(part.get(1).event()).isEqualTo("killed");
        assertThat(part.get(1).key()).isEqualTo("killed");
    }

    @Test
    void offsetsAreCodePointsOfThePhraseWithItsQualifier() {
        String text = "😀 — more than 1,000 wounded";
        Quantity q = only(text);
        assertThat(q.phrase()).isEqualTo("more than 1,000");
        assertThat(q.start()).isEqualTo(4); // the emoji is one code point (two UTF-16 units)
        assertThat(q.end()).isEqualTo(4 + "more than 1,000".length());
        int from = text.offsetByCodePoints(0, q.start());
        assertThat(text.substring(from, text.offsetByCodePoints(0, q.end()))).isEqualTo(q.phrase());
    }

    /**
     * Every number expression of the five seed articles, as reviewed by hand in seed-quantities.tsv: what is read,
     * where, as which interval, with which event; and nothing else (dates, years, clock times, ages are skipped).
     */
    @Test
    void everyNumberExpressionInTheSeedArticles() throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/claims/seed-quantities.tsv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> actual = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Quantity q : extractor.extract(text)) {
                    actual.add(String.join("\t", f.getFileName().toString(), q.start() + "-" + q.end(), q.phrase(),
                            q.value().toString(), String.valueOf(q.event()), String.valueOf(q.counted()),
                            String.valueOf(q.partial())));
                    int from = text.offsetByCodePoints(0, q.start());
                    assertThat(text.substring(from, text.offsetByCodePoints(0, q.end()))).isEqualTo(q.phrase());
                }
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        // the casualty figures the outlets disagree on are all there
        assertThat(actual).anyMatch(l -> l.contains("\teight\t8\tkilled\t"))
                .anyMatch(l -> l.contains("\t13\t13\tkilled\t"))
                .anyMatch(l -> l.contains("\t317\t317\twounded\t"))
                .anyMatch(l -> l.contains("\tmore than 1,000\t(1000, ∞)\twounded\t"))
                .anyMatch(l -> l.contains("\tnearly 400\t[360, 400)\thospitalised\t"))
                .anyMatch(l -> l.contains("\tdozens\t[24, 99]\tkilled\t"));
        assertThat(actual).noneMatch(l -> l.matches(".*\t(2019|2022|1989|1991|2011|2020|1999)\t.*"));
    }
}
