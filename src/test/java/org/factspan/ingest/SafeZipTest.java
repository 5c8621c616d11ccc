package org.factspan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.TooLargeException;
import org.junit.jupiter.api.Test;

/** The one zip reader of every upload: what it hands on, what it refuses, and that a bomb never reaches memory. */
class SafeZipTest {

    static final SafeZip.Limits LIMITS = ImportLimits.DEFAULT.zip();

    static Map<String, String> read(byte[] zip) {
        return read(zip, LIMITS, ImportLimits.DEFAULT.budget());
    }

    static Map<String, String> read(byte[] zip, SafeZip.Limits limits, SafeZip.Budget budget) {
        Map<String, String> entries = new LinkedHashMap<>();
        SafeZip.read("up.zip", zip, limits, budget, (path, bytes) -> entries.put(path,
                new String(bytes, StandardCharsets.UTF_8)));
        return entries;
    }

    @Test
    void handsOnFilesInOrderAndSkipsFoldersAndArchiverLitter() {
        assertThat(read(Zips.zip("b.txt", "B", "folder/", "", "folder/a.ann", "A", "__MACOSX/._b.txt", "fork",
                ".DS_Store", "junk", "folder/.hidden", "x")))
                .containsExactly(Map.entry("b.txt", "B"), Map.entry("folder/a.ann", "A"));
    }

    @Test
    void aBombIsStoppedAfterAboutAMegabyteWithHeapFlat() {
        byte[] bomb = Zips.bomb(256); // 256 MB of 'a', about 1 MB on the wire
        assertThat(bomb.length).isLessThan(2_000_000);
        Allocation allocation = Allocation.start();
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(TooLargeException.class)
                .hasMessageContaining("up.zip!doc.txt: the archive expands more than 100 times")
                .hasMessageContaining("a zip bomb is not read; nothing was imported");
        long allocated = allocation.bytes();
        System.out.println("zip bomb of 256 MB refused after allocating " + Allocation.mb(allocated));
        assertThat(allocated).as("bytes allocated while refusing a 256 MB bomb").isLessThan(32L << 20);
    }

    @Test
    void theEntryLimitAndTheBudgetCountWhatIsUnpackedNotWhatHeadersSay() {
        SafeZip.Limits noRatio = new SafeZip.Limits(2000, 5_000_000, Integer.MAX_VALUE);
        Allocation allocation = Allocation.start();
        assertThatThrownBy(() -> read(Zips.bomb(256), noRatio, new SafeZip.Budget(1L << 40)))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("up.zip!doc.txt: unpacks to more than 5000000 bytes; nothing was imported");
        assertThat(allocation.bytes()).as("bytes allocated refusing a 200 MB entry at 5 MB").isLessThan(48L << 20);
        // the budget of one import is shared by its archives
        SafeZip.Budget budget = new SafeZip.Budget(10);
        read(Zips.zip("a.txt", "123456"), noRatio, budget);
        assertThat(budget.left()).isEqualTo(4);
        assertThatThrownBy(() -> read(Zips.zip("b.txt", "123456"), noRatio, budget))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("up.zip!b.txt: unpacks to more than the 10 bytes an import may unpack; nothing was imported");
    }

    @Test
    void moreEntriesThanAllowedAreTooMany() {
        assertThat(read(Zips.many(2000))).hasSize(2000);
        assertThatThrownBy(() -> read(Zips.many(2001))).isInstanceOf(TooLargeException.class)
                .hasMessage("up.zip: has more than 2000 entries; nothing was imported");
    }

    @Test
    void noArchiveInsideAnArchiveByNameOrByContent() {
        byte[] inner = Zips.zip("a.txt", "x");
        byte[] gzip = {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
        for (Object[] c : List.of(new Object[] {"inner.zip", "not even a zip"}, new Object[] {"inner.txt", inner},
                new Object[] {"data.ann", gzip}, new Object[] {"deep/x.GZ", "x"})) {
            assertThatThrownBy(() -> read(Zips.zip(c[0], c[1]))).as((String) c[0])
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("up.zip!" + c[0] + ": is an archive inside an archive; nested archives are not read;"
                            + " nothing was imported");
        }
    }

    @Test
    void entryNamesMustBeSafeUniqueAndShort() {
        for (String name : List.of("../../etc/x.txt", "a/../../x.txt", "/etc/x.txt", "C:\\x.txt", "..\\x.txt",
                "a\u0001b.txt")) {
            assertThatThrownBy(() -> read(Zips.zip(name, "x"))).as(name)
                    .hasMessageStartingWith("up.zip: has an entry with an unsafe path: ");
        }
        assertThatThrownBy(() -> read(Zips.duplicate("a.txt", "1", "2")))
                .hasMessage("up.zip: has two entries named 'a.txt'; nothing was imported");
        String longName = "n".repeat(300) + ".txt";
        assertThatThrownBy(() -> read(Zips.zip(longName, "x")))
                .hasMessageStartingWith("up.zip: has an entry whose name is longer than 255 characters: 'nnn")
                .hasMessageContaining("(304 characters)");
    }

    @Test
    void whatIsNoZipOrADamagedOneIsSaidSo() {
        assertThatThrownBy(() -> read("plain text".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("up.zip: is not a zip archive; nothing was imported");
        byte[] cut = java.util.Arrays.copyOf(Zips.zip("a.txt", "Some text that is long enough. ".repeat(20)), 60);
        assertThatThrownBy(() -> read(cut)).isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("up.zip: is a damaged zip archive");
        List<String> none = new ArrayList<>();
        assertThat(SafeZip.read("empty.zip", Zips.zip(), LIMITS, ImportLimits.DEFAULT.budget(),
                (path, bytes) -> none.add(path))).isZero();
        assertThat(none).isEmpty();
    }
}
