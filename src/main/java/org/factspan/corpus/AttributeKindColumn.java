package org.factspan.corpus;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an attribute's kind as its id ({@code label_attribute.kind}), whichever kinds are installed. */
@Converter
class AttributeKindColumn implements AttributeConverter<AttributeKind, String> {

    @Override
    public String convertToDatabaseColumn(AttributeKind kind) {
        return kind == null ? null : kind.id();
    }

    @Override
    public AttributeKind convertToEntityAttribute(String id) {
        return id == null ? null : new AttributeKind(id);
    }
}
