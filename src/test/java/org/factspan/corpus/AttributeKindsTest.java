package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attribute kinds are one class each, found by scanning (decision 027): the three built in and {@code NUMBER}, which
 * exists only as one class in the test sources ({@code corpus.attribute.NumberKind}), each with its rule, editor
 * field, facets and schema words; a kind that is not installed is refused by name.
 */
class AttributeKindsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theScanFindsEveryKindInTheEditorsOrderTheTestFixtureIncluded() {
        assertThat(AttributeKinds.ids()).containsExactly("ENUM", "BOOLEAN", "TEXT", "NUMBER");
        assertThat(AttributeKind.all()).containsExactly(AttributeKind.ENUM, AttributeKind.BOOLEAN, AttributeKind.TEXT,
                new AttributeKind("NUMBER"));
        assertThat(AttributeKind.all()).extracting(k -> k.support().describe())
                .containsExactly("one of a list", "yes / no", "free text", "a number");
    }

    @Test
    void eachKindChecksItsValues() {
        AttributeDef verdict = new AttributeDef("verdict", AttributeKind.ENUM, List.of("true", "false"));
        assertThat(verdict.check("true")).isNull();
        assertThat(verdict.check("maybe")).isEqualTo("'maybe' is not one of true, false for verdict");
        AttributeDef hedged = new AttributeDef("hedged", AttributeKind.BOOLEAN, List.of());
        assertThat(hedged.check("false")).isNull();
        assertThat(hedged.check("yes")).isEqualTo("hedged must be true or false");
        AttributeDef note = new AttributeDef("note", AttributeKind.TEXT, List.of());
        assertThat(note.check("a note")).isNull();
        assertThat(note.check("x".repeat(AttributeDef.MAX_TEXT + 1))).startsWith("the value of note ");
        AttributeDef amount = new AttributeDef("amount", AttributeKind.of("number"), List.of());
        assertThat(amount.check("3.5")).isNull();
        assertThat(amount.check("three")).isEqualTo("amount must be a number, such as 3.5");
        assertThatThrownBy(() -> new AttributeDef("verdict", AttributeKind.ENUM, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Attribute verdict (one of a list) needs"
                        + " options");
    }

    @Test
    void eachKindMakesItsEditorFieldFacetsAndSchemaWords() {
        AttributeDef verdict = new AttributeDef("verdict", AttributeKind.ENUM, List.of("true", "false"));
        AttributeDef hedged = new AttributeDef("hedged", AttributeKind.BOOLEAN, List.of());
        AttributeDef note = new AttributeDef("note", AttributeKind.TEXT, List.of());
        AttributeDef amount = new AttributeDef("amount", new AttributeKind("NUMBER"), List.of());
        assertThat(verdict.kind().support().field(verdict, "true", (n, v) -> { })).isInstanceOf(Select.class);
        assertThat(hedged.kind().support().field(hedged, null, (n, v) -> { })).isInstanceOf(Checkbox.class);
        assertThat(note.kind().support().field(note, null, (n, v) -> { })).isInstanceOf(TextArea.class);
        assertThat(amount.kind().support().field(amount, "3.5", (n, v) -> { })).isInstanceOf(NumberField.class);
        assertThat(verdict.kind().support().facets(verdict)).containsExactly("true", "false");
        assertThat(hedged.kind().support().facets(hedged)).containsExactly("true", "false");
        assertThat(note.kind().support().facets(note)).isEmpty();
        assertThat(note.kind().support().searchedAsText()).isTrue();
        assertThat(List.of(verdict, hedged, note, amount)).extracting(a -> a.name() + a.kind().support().schema(a))
                .containsExactly("verdict: true|false", "hedged (boolean)", "note (text)", "amount (number)");
    }

    @Test
    void aKindIsItsIdInJsonAndAnUnknownOneIsRefusedByName() {
        AttributeDef amount = new AttributeDef("amount", new AttributeKind("NUMBER"), List.of());
        String json = JSON.writeValueAsString(amount);
        assertThat(json).contains("\"kind\":\"NUMBER\"");
        assertThat(JSON.readValue(json, AttributeDef.class)).isEqualTo(amount);
        assertThatThrownBy(() -> JSON.readValue("{\"name\":\"x\",\"kind\":\"COLOUR\",\"options\":[]}",
                AttributeDef.class)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessage("Unknown attribute type 'COLOUR'; types: ENUM, BOOLEAN, TEXT, NUMBER");
    }
}
