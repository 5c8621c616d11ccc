package org.factspan.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Attribution cues and their sources from patterns ({@link AttributionPatterns}): cues get the project's first cue
 * label (ATTRIBUTION in the seed schema), sources the label with the source role. Needs no training and knows English
 * only.
 */
@Component
@Order(1)
public class PatternRecommender implements Recommender {

    public static final String ID = "patterns";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Attribution patterns";
    }

    @Override
    public String description() {
        return "Reporting verbs and phrases (said, told, according to, announced, quoted by ...) and the named or "
                + "described source they attach to; English, no training.";
    }

    @Override
    public Set<String> labels(List<LabelInfo> schema) {
        Set<String> labels = new LinkedHashSet<>();
        cueLabel(schema).ifPresent(labels::add);
        sourceLabel(schema).ifPresent(labels::add);
        return labels;
    }

    @Override
    public Model train(List<LabelInfo> schema, List<TrainingDocument> documents) {
        Optional<String> cue = cueLabel(schema);
        Optional<String> source = sourceLabel(schema);
        return text -> {
            List<Prediction> out = new ArrayList<>();
            for (AttributionPatterns.Found f : AttributionPatterns.find(text)) {
                Optional<String> label = f.kind() == AttributionPatterns.Kind.CUE ? cue : source;
                label.ifPresent(l -> out.add(new Prediction(f.start(), f.end(), l, f.score(), f.reason())));
            }
            return out;
        };
    }

    private static Optional<String> cueLabel(List<LabelInfo> schema) {
        return schema.stream().filter(l -> l.kind() == LabelKind.CUE).map(LabelInfo::name).findFirst();
    }

    private static Optional<String> sourceLabel(List<LabelInfo> schema) {
        return schema.stream().filter(l -> l.kind() == LabelKind.SOURCE).map(LabelInfo::name).findFirst();
    }
}
