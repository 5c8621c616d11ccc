package org.factspan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The documented field lengths are the database's: every field stored in a column has exactly that column's length
 * (on H2 and on PostgreSQL), so nothing the checks accept is refused by the database, and nothing the database could
 * hold is refused by the checks. The table in docs/rest-api.md (Uploads and limits) lists the same fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldsRepositoryTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyFieldIsAsLongAsItsColumn() {
        List<String> wrong = new ArrayList<>();
        for (Fields.Field field : Fields.ALL) {
            if (field.column() == null) {
                continue;
            }
            String[] column = field.column().split("\\.");
            List<Integer> lengths = jdbc.queryForList("select character_maximum_length from information_schema.columns"
                    + " where lower(table_name) = ? and lower(column_name) = ?", Integer.class, column[0], column[1]);
            if (lengths.size() != 1 || lengths.get(0) == null || lengths.get(0) != field.max()) {
                wrong.add(field.name() + " (" + field.column() + "): " + field.max() + " documented, column " + lengths);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRestReferenceListsEveryField() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("docs/rest-api.md"));
        for (Fields.Field field : Fields.ALL) {
            assertThat(readme).as(field.name()).contains("| " + field.max() + " |");
        }
    }
}
