package org.factspan.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.factspan.base.CodePoints;
import org.factspan.base.TextSegments;
import org.factspan.corpus.LabelInfo;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A statistical recommender: one Apache OpenNLP name finder (maximum entropy, BIO over tokens) per label, trained on
 * the project's own spans. A label needs {@value #MIN_SPANS} spans before it gets a model. Sentences and tokens come
 * from {@link TextSegments} (Unicode's word and sentence rules, decision 029), so it works on any language.
 */
@Component
@Order(2)
public class OpenNlpRecommender implements Recommender {

    public static final String ID = "opennlp-name-finder";
    /** Fewer spans of a label than this: no model for it. */
    public static final int MIN_SPANS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Learnt from the team (OpenNLP)";
    }

    @Override
    public String description() {
        return "A maximum entropy name finder per label, trained on the project's spans and retrained in the background"
                + " as they grow; a label needs " + MIN_SPANS + " spans first.";
    }

    @Override
    public Set<String> labels(List<LabelInfo> schema) {
        Set<String> labels = new LinkedHashSet<>();
        schema.forEach(l -> labels.add(l.name()));
        return labels;
    }

    @Override
    public Model train(List<LabelInfo> schema, List<TrainingDocument> documents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LabelInfo label : schema) {
            int n = (int) documents.stream().flatMap(d -> d.spans().stream()).filter(s -> s.label().equals(label.name()))
                    .count();
            counts.put(label.name(), n);
        }
        List<Tokenized> tokenized = documents.stream().map(d -> Tokenized.of(d.text())).toList();
        Map<String, TokenNameFinderModel> models = new LinkedHashMap<>();
        Map<String, Integer> trainedOn = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < MIN_SPANS) {
                continue;
            }
            List<NameSample> samples = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                samples.addAll(tokenized.get(i).samples(documents.get(i).spans(), e.getKey()));
            }
            if (samples.stream().noneMatch(s -> s.getNames().length > 0)) {
                continue;
            }
            models.put(e.getKey(), train(e.getKey(), samples));
            trainedOn.put(e.getKey(), e.getValue());
        }
        return new NameFinderModels(models, trainedOn);
    }

    private static TokenNameFinderModel train(String label, List<NameSample> samples) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 300);
        try {
            return NameFinderME.train("und", label, ObjectStreamUtils.createObjectStream(samples), params,
                    new TokenNameFinderFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trained name finders; a fresh {@link NameFinderME} per call (it keeps adaptive data, so not shared). */
    private record NameFinderModels(Map<String, TokenNameFinderModel> models, Map<String, Integer> trainedOn)
            implements Model {

        @Override
        public List<Prediction> predict(String text) {
            if (models.isEmpty()) {
                return List.of();
            }
            Tokenized doc = Tokenized.of(text);
            List<Prediction> out = new ArrayList<>();
            models.forEach((label, model) -> {
                NameFinderME finder = new NameFinderME(model);
                for (Tokenized.Sentence s : doc.sentences()) {
                    Span[] found = finder.find(s.words());
                    double[] probs = finder.probs(found);
                    for (int k = 0; k < found.length; k++) {
                        Span f = found[k];
                        out.add(new Prediction(s.tokens()[f.getStart()].getStart(), s.tokens()[f.getEnd() - 1].getEnd(),
                                label, probs[k], "learnt from " + trainedOn.get(label) + " " + label + " spans"));
                    }
                }
                finder.clearAdaptiveData();
            });
            out.sort(Comparator.comparingInt(Prediction::start).thenComparingInt(Prediction::end));
            return out;
        }
    }

    /** A text split into sentences of tokens; token offsets are absolute (UTF-16). */
    record Tokenized(List<Sentence> sentences) {

        record Sentence(Span[] tokens, String[] words) {
        }

        static Tokenized of(String text) {
            CodePoints cps = CodePoints.of(text);
            List<Sentence> sentences = new ArrayList<>();
            for (TextSegments.Sentence sentence : TextSegments.sentences(text)) {
                List<TextSegments.Token> list = sentence.tokens();
                Span[] tokens = new Span[list.size()];
                String[] words = new String[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    tokens[i] = new Span(cps.toUtf16(list.get(i).start()), cps.toUtf16(list.get(i).end()));
                    words[i] = list.get(i).text();
                }
                sentences.add(new Sentence(tokens, words));
            }
            return new Tokenized(sentences);
        }

        /**
         * Name samples of one label: spans inside a sentence become token spans (a span that starts or ends inside a
         * token takes the whole token); overlapping spans of the label keep the first, longest one. Only sentences with
         * at least one span (of any label) take part: a team labels a document bit by bit, and a sentence nobody has
         * labeled yet would teach the model that its cues and names are nothing.
         */
        List<NameSample> samples(List<Extent> spans, String label) {
            List<Extent> mine = spans.stream().filter(s -> s.label().equals(label))
                    .sorted(Comparator.comparingInt(Extent::start).thenComparing(Comparator.comparingInt(Extent::end)
                            .reversed()))
                    .toList();
            List<NameSample> out = new ArrayList<>();
            boolean first = true;
            for (Sentence s : sentences) {
                int sStart = s.tokens()[0].getStart();
                int sEnd = s.tokens()[s.tokens().length - 1].getEnd();
                if (spans.stream().noneMatch(e -> e.start() < sEnd && e.end() > sStart)) {
                    continue;
                }
                List<Span> names = new ArrayList<>();
                int taken = -1;
                for (Extent e : mine) {
                    if (e.start() < sStart || e.end() > sEnd) {
                        continue;
                    }
                    int from = -1;
                    int to = -1;
                    for (int i = 0; i < s.tokens().length; i++) {
                        Span t = s.tokens()[i];
                        if (from < 0 && t.getEnd() > e.start()) {
                            from = i;
                        }
                        if (t.getStart() < e.end()) {
                            to = i + 1;
                        }
                    }
                    if (from >= 0 && to > from && from >= taken) {
                        names.add(new Span(from, to, label));
                        taken = to;
                    }
                }
                out.add(new NameSample(s.words(), names.toArray(Span[]::new), first));
                first = false;
            }
            return out;
        }
    }
}
