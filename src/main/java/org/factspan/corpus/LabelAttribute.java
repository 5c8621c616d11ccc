package org.factspan.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** One attribute definition of a label; enumeration options are stored '|'-separated. */
@Entity
@Table(name = "label_attribute")
class LabelAttribute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "label_id", nullable = false)
    private long labelId;

    @Column(nullable = false)
    private String name;

    @Convert(converter = AttributeKindColumn.class)
    @Column(nullable = false)
    private AttributeKind kind;

    private String options;

    @Column(nullable = false)
    private int position;

    protected LabelAttribute() {
    }

    LabelAttribute(long labelId, AttributeDef def, int position) {
        if (def.options().stream().anyMatch(o -> o.contains("|") || o.isBlank())) {
            throw new IllegalArgumentException("Options of " + def.name() + " must be non-blank and contain no '|'");
        }
        this.labelId = labelId;
        this.name = def.name();
        this.kind = def.kind();
        this.options = def.options().isEmpty() ? null : String.join("|", def.options());
        this.position = position;
    }

    long getLabelId() {
        return labelId;
    }

    /** The definition of a stored attribute: {@code options} as the column keeps them ({@code a|b|c}, or null). */
    static AttributeDef def(String name, AttributeKind kind, String options) {
        return new AttributeDef(name, kind, options == null ? List.of() : Arrays.asList(options.split("\\|")));
    }
}
