package org.factspan.export.format;

import org.factspan.base.Quote;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mapper and field helpers the JSON based formats share. UTF-8, no pretty printing, keys in order. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return node;
    }

    static Map<String, String> readStringMap(JsonNode node, String field, String where, int line) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return map;
        }
        if (!node.isObject()) {
            throw new FormatException(where, line, "\"" + field + "\" must be an object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isString()) {
                throw new FormatException(where, line, Quote.of(field + "." + e.getKey()) + " must be a string");
            }
            map.put(e.getKey(), e.getValue().stringValue());
        }
        return map;
    }

    static JsonNode required(JsonNode node, String field, String where, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new FormatException(where, line, "missing \"" + field + "\"");
        }
        return value;
    }

    static String string(JsonNode node, String field, String where, int line) {
        JsonNode value = required(node, field, where, line);
        if (!value.isString()) {
            throw new FormatException(where, line, "\"" + field + "\" must be a string");
        }
        return value.stringValue();
    }

    static String optionalString(JsonNode node, String field, String where, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new FormatException(where, line, "\"" + field + "\" must be a string");
        }
        return value.stringValue();
    }

    static long integer(JsonNode node, String field, String where, int line) {
        JsonNode value = required(node, field, where, line);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FormatException(where, line, "\"" + field + "\" must be an integer");
        }
        return value.longValue();
    }

    static int offset(JsonNode node, String field, String where, int line) {
        long value = integer(node, field, where, line);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new FormatException(where, line, "\"" + field + "\" out of range: " + value);
        }
        return (int) value;
    }

    static Long optionalInteger(JsonNode node, String field, String where, int line) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : integer(node, field, where, line);
    }

    static Iterable<JsonNode> array(JsonNode node, String field, String where, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw new FormatException(where, line, "\"" + field + "\" must be an array");
        }
        return value.values();
    }
}
