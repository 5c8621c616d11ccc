package org.factspan.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One attribute value of a span, e.g. verdict = refuted. */
@Entity
@Table(name = "span_attribute")
@IdClass(SpanAttribute.Key.class)
class SpanAttribute {

    record Key(long spanId, String name) implements Serializable {
        Key() {
            this(0, null);
        }
    }

    @Id
    @Column(name = "span_id")
    private long spanId;

    @Id
    private String name;

    @Column(name = "val", nullable = false)
    private String value;

    protected SpanAttribute() {
    }

    SpanAttribute(long spanId, String name, String value) {
        this.spanId = spanId;
        this.name = name;
        this.value = value;
    }

    long getSpanId() {
        return spanId;
    }

    String getName() {
        return name;
    }

    String getValue() {
        return value;
    }

    void setValue(String value) {
        this.value = value;
    }
}
