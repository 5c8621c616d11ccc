package org.factspan.ingest;

import java.util.List;
import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;

/**
 * The documented length of every string field people or files send, and the one check for it: at most {@link
 * Field#max()} characters and only {@linkplain ValidText valid text}. Lengths are the database columns' lengths
 * (a test compares them), counted as the databases count them together: in UTF-16 units, so a character beyond the
 * Basic Multilingual Plane (an emoji) counts twice; that is what H2 counts, and PostgreSQL, which counts code points,
 * then never refuses what was accepted. The README lists them.
 */
public final class Fields {

    /** A field as the API names it, its maximum length and the column that stores it (null: a text column). */
    public record Field(String name, int max, String column) {

        /** Why the value cannot be stored, or null; null values are for the caller to judge. */
        public String problem(String value) {
            if (value == null) {
                return null;
            }
            if (value.length() > max) {
                return "may have at most " + max + " characters; it has " + value.length();
            }
            return ValidText.problem(value);
        }

        /** The value cut to the field's length where that is the right thing (derived titles), never in a pair. */
        public String truncate(String value) {
            if (value == null || value.length() <= max) {
                return value;
            }
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            return value.substring(0, end);
        }

        /** The value, or {@link InvalidRequestException} naming the field and the limit. */
        public String require(String value) {
            return require(null, value);
        }

        /** As {@link #require(String)}, the message starting with {@code where} (e.g. {@code Label CLAIM}). */
        public String require(String where, String value) {
            String problem = problem(value);
            if (problem != null) {
                throw new InvalidRequestException((where == null ? "" : where + ": ") + Quote.of(name) + " " + problem);
            }
            return value;
        }
    }

    public static final Field USERNAME = new Field("username", 64, "app_user.username");
    public static final Field DISPLAY_NAME = new Field("displayName", 200, "app_user.display_name");
    public static final Field TOKEN_NAME = new Field("name", 100, "api_token.name");
    public static final Field PROJECT_SLUG = new Field("slug", 64, "project.slug");
    public static final Field PROJECT_NAME = new Field("name", 200, "project.name");
    public static final Field DESCRIPTION = new Field("description", 2000, "project.description");
    public static final Field GUIDELINES = new Field("guidelines", 200_000, null);
    public static final Field LABEL_NAME = new Field("label", 64, "label.name");
    public static final Field LABEL_TITLE = new Field("title", 200, "label.title");
    public static final Field ATTRIBUTE_NAME = new Field("attribute", 64, "label_attribute.name");
    /** The options of one enumeration attribute, each and all together joined by {@code |}. */
    public static final Field ATTRIBUTE_OPTIONS = new Field("options", 2000, "label_attribute.options");
    public static final Field ATTRIBUTE_VALUE = new Field("value", 4000, "span_attribute.val");
    public static final Field DOCUMENT_NAME = new Field("name", 255, "document.name");
    public static final Field DOCUMENT_TITLE = new Field("title", 1000, "document.title");
    public static final Field META_KEY = new Field("meta key", 64, null);
    public static final Field META_VALUE = new Field("meta value", 2000, null);
    public static final Field CLAIM_STATEMENT = new Field("statement", 1000, "claim_cluster.statement");
    public static final Field SEARCH_QUERY = new Field("q", 1000, null);

    /** Every field above, for the README's table and the test that holds them to the columns. */
    public static final List<Field> ALL = List.of(USERNAME, DISPLAY_NAME, TOKEN_NAME, PROJECT_SLUG, PROJECT_NAME,
            DESCRIPTION, GUIDELINES, LABEL_NAME, LABEL_TITLE, ATTRIBUTE_NAME, ATTRIBUTE_OPTIONS, ATTRIBUTE_VALUE,
            DOCUMENT_NAME, DOCUMENT_TITLE, META_KEY, META_VALUE, CLAIM_STATEMENT, SEARCH_QUERY);

    private Fields() {
    }
}
