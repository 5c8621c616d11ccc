package org.factspan.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The installed attribute kinds: every concrete {@link AttributeKindSupport} in {@code org.factspan.corpus.attribute},
 * found by a class-path scan once (as the export formats and agreement measures are found), by id. Static rather than
 * a bean because a kind is needed where no bean is at hand: reading a schema from JSON and from the database.
 */
public final class AttributeKinds {

    /** The package scanned for kinds. */
    static final String PACKAGE = "org.factspan.corpus.attribute";

    private AttributeKinds() {
    }

    private static final class Found {
        static final Map<String, AttributeKindSupport> BY_ID = scan();
    }

    private static Map<String, AttributeKindSupport> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AttributeKindSupport.class));
        List<AttributeKindSupport> kinds = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(PACKAGE)) {
            try {
                kinds.add((AttributeKindSupport) Class.forName(candidate.getBeanClassName(), true,
                        AttributeKinds.class.getClassLoader()).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Attribute kind " + candidate.getBeanClassName()
                        + " needs a public constructor without arguments", e);
            }
        }
        kinds.sort(Comparator.comparingInt(AttributeKindSupport::order).thenComparing(AttributeKindSupport::id));
        Map<String, AttributeKindSupport> byId = new LinkedHashMap<>();
        for (AttributeKindSupport kind : kinds) {
            new AttributeKind(kind.id()); // the id's shape
            AttributeKindSupport twin = byId.put(kind.id(), kind);
            if (twin != null) {
                throw new IllegalStateException("Attribute kinds " + twin.getClass().getName() + " and "
                        + kind.getClass().getName() + " share the id " + kind.id());
            }
        }
        return java.util.Collections.unmodifiableMap(byId);
    }

    /** Every kind, in the label editor's order. */
    public static List<AttributeKindSupport> all() {
        return List.copyOf(Found.BY_ID.values());
    }

    /** The ids of every kind, in the label editor's order. */
    public static List<String> ids() {
        return List.copyOf(Found.BY_ID.keySet());
    }

    /** The kind named {@code kind}, if installed. */
    public static Optional<AttributeKindSupport> find(AttributeKind kind) {
        return kind == null ? Optional.empty() : Optional.ofNullable(Found.BY_ID.get(kind.id()));
    }
}
