package org.factspan.curation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import org.factspan.base.ui.Notify;
import org.factspan.curation.CurationService;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.MergeMode;
import org.factspan.curation.MergeOptions;
import org.factspan.security.CurrentUser;

/**
 * The curation view's start panel, shown until curation starts: who labeled what and who has not finished, what the
 * merge will put into the gold standard, and the start itself (decision 023: only finished work by default).
 */
final class StartPanel extends Div {

    final RadioButtonGroup<MergeMode> mode = new RadioButtonGroup<>();
    final NumberField threshold = thresholdField();
    final Button start = new Button("Start curation");
    final Checkbox unfinished = new Checkbox();

    private final CurationView view;
    private final CurationService curation;
    private final CurrentUser currentUser;

    StartPanel(CurationView view, CurationService curation, CurrentUser currentUser) {
        this.view = view;
        this.curation = curation;
        this.currentUser = currentUser;
        addClassName("fs-cur-start");
        setId("start-box");
        mode.setId("start-mode");
        mode.setLabel("When starting, put into the gold standard");
        mode.setItems(MergeMode.UNANIMOUS, MergeMode.MAJORITY, MergeMode.NONE);
        mode.setItemLabelGenerator(m -> switch (m) {
            case UNANIMOUS -> "what all annotators agree on";
            case MAJORITY -> "also what a majority agrees on";
            case NONE -> "nothing: start from an empty gold standard";
        });
        mode.setValue(MergeMode.UNANIMOUS);
        threshold.setId("start-threshold");
        threshold.setEnabled(false);
        mode.addValueChangeListener(e -> threshold.setEnabled(e.getValue() == MergeMode.MAJORITY));
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        unfinished.setId("start-unfinished");
    }

    /**
     * The majority threshold: a share of the annotators from 0.05 to 1 in steps of 0.05. The steps start at the
     * minimum, so the default 0.5 lies on one of them: with a minimum of 0.01 the browser found 0.5 off the step grid
     * and drew the field as invalid (red) even while disabled.
     */
    static NumberField thresholdField() {
        NumberField field = new NumberField("Majority threshold (share of annotators)");
        field.setMin(0.05);
        field.setMax(1);
        field.setStep(0.05);
        field.setValue(MergeOptions.DEFAULT_THRESHOLD);
        field.setWidth("18rem");
        return field;
    }

    void start() {
        MergeMode chosen = mode.getValue() == null ? MergeMode.UNANIMOUS : mode.getValue();
        Notify.run(() -> {
            MergeOptions options = new MergeOptions(chosen, threshold.getValue() == null
                    ? MergeOptions.DEFAULT_THRESHOLD : threshold.getValue(),
                    unfinished.isVisible() && unfinished.getValue());
            DocumentCuration state = curation.open(currentUser.require(), view.slug(), view.documentId(), options,
                    view.anonymous.getValue());
            view.store().setVersion(state.version());
            int merged = state.gold().size();
            return merged == 0 ? "Curation started; nothing merged" : "Curation started; " + merged
                    + (merged == 1 ? " span" : " spans") + " merged into the gold standard";
        });
        view.reload();
        view.navigation.selectPending();
    }

    void show(DocumentCuration state) {
        removeAll();
        H3 title = new H3("Start curating this document");
        Paragraph about = new Paragraph(text(state));
        about.setId("start-about");
        List<String> notFinished = state.work().stream().filter(w -> !w.finished() && w.spans() > 0)
                .map(DocumentCuration.AnnotatorWork::annotator).toList();
        unfinished.setLabel("Also merge the work of annotators who have not finished ("
                + String.join(", ", notFinished) + ")");
        unfinished.setVisible(!notFinished.isEmpty());
        add(title, about, mode, threshold, unfinished, start);
    }

    /**
     * What the start panel says: who labeled what, who finished and who has not (assigned annotators who have not
     * started included), and what the merge will count. One annotator's work is never called agreement.
     */
    static String text(DocumentCuration state) {
        if (state.work().isEmpty()) {
            return "No annotator has labeled this document yet.";
        }
        List<String> parts = new ArrayList<>();
        for (DocumentCuration.AnnotatorWork w : state.work()) {
            String spans = w.spans() == 1 ? "1 span" : w.spans() + " spans";
            parts.add(w.annotator() + (w.finished() ? " finished (" + spans + ")"
                    : w.spans() == 0 ? " is assigned and has not started"
                    : (w.assigned() ? " has not finished (" : " is not assigned and cannot finish (") + spans + ")"));
        }
        List<String> done = state.finishedAnnotators();
        String merge = done.size() >= 2 ? "The merge counts the work of the " + done.size() + " finished annotators."
                : done.size() == 1 ? "Only " + done.getFirst() + " finished: one annotator's work is not agreement,"
                        + " so nothing is merged as agreed; you settle each place yourself."
                : "Nobody has finished: nothing is merged unless you include unfinished work.";
        long open = state.openPositions();
        return String.join("; ", parts) + ". " + merge + " " + (open == 1 ? "1 place" : open + " places")
                + " to settle.";
    }
}
