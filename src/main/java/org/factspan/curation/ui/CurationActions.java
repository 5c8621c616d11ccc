package org.factspan.curation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import org.factspan.base.ConflictException;
import org.factspan.base.Version;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.DocumentId;
import org.factspan.curation.Accept;
import org.factspan.curation.CurationService;
import org.factspan.curation.Disagreement;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.MergeMode;
import org.factspan.curation.MergeOptions;
import org.factspan.curation.OpenPlacesException;
import org.factspan.curation.ReviewStatus;
import org.factspan.curation.Versioned;
import org.factspan.security.CurrentUser;

/**
 * The curation view's actions on the server: accept and reject (buttons, Enter, Del), mark curated with the refusal
 * dialog and its recorded override, reopen, and merge again. Each says how it went through {@link Notify} and reloads
 * the view afterwards: others may have changed the document too.
 */
final class CurationActions {

    private final CurationView view;
    private final CurationService curation;
    private final CurrentUser currentUser;
    /** The dialog that refuses "Mark curated" while places are open, naming each; null when not shown. */
    Dialog refusal;

    CurationActions(CurationView view, CurationService curation, CurrentUser currentUser) {
        this.view = view;
        this.curation = curation;
        this.currentUser = currentUser;
    }

    /**
     * Accepts the selected version (Enter): at an attribution place reached by the walk, its first attribution;
     * else the selected annotator's span. So the keyboard alone settles every kind of place.
     */
    void acceptSelected() {
        if (!view.editable()) {
            return;
        }
        Long attribution = view.navigation.attribution();
        Long unit = view.unit();
        if (attribution != null) {
            accept(Accept.attribution(attribution));
        } else if (unit != null) {
            accept(Accept.span(unit));
        }
    }

    /** Rejects the selected version (as {@link #acceptSelected}), or takes the rejection back (Del). */
    void toggleRejectSelected() {
        if (view.goldBinding.selected() != null || !view.editable()) {
            return;
        }
        Long attribution = view.navigation.attribution();
        Long unit = view.unit();
        if (attribution != null) {
            view.state().attributions().stream().filter(a -> a.id() == attribution).findFirst()
                    .ifPresent(a -> reject(a.id(), true, a.status() != ReviewStatus.REJECTED));
        } else if (unit != null) {
            view.state().span(unit).ifPresent(s -> reject(s.id(), false, s.status() != ReviewStatus.REJECTED));
        }
    }

    void accept(Accept accept) {
        try {
            Versioned<CurationService.AcceptResult> r = curation.accept(currentUser.require(), view.slug(),
                    new DocumentId(view.documentId()), new Version(view.store().version()), accept);
            view.store().setVersion(r.version());
            if (r.value().droppedAttributions() > 0) {
                Notify.info(r.value().droppedAttributions() + " gold attribution(s) of the replaced span(s) no"
                        + " longer fit and were removed");
            }
        } catch (ConflictException e) {
            Notify.error(CurationView.reloaded(e.getMessage()));
        } catch (RuntimeException e) {
            Notify.refused(e);
        }
        view.reload();
    }

    void reject(long id, boolean attribution, boolean reject) {
        Notify.attempt(() -> {
            if (reject) {
                curation.reject(currentUser.require(), view.slug(), new DocumentId(view.documentId()), id, attribution);
            } else {
                curation.unreject(currentUser.require(), view.slug(), new DocumentId(view.documentId()), id, attribution);
            }
        });
        view.reload();
    }

    /**
     * Marks the document curated; while places are open the server refuses and a dialog names each of them.
     * {@code anyway}: the curator chose "curate anyway" in that dialog (recorded in the audit trail).
     */
    void markCurated(boolean anyway) {
        try {
            view.store().setVersion(curation.markCurated(currentUser.require(), view.slug(), new DocumentId(view.documentId()),
                    new Version(view.store().version()), anyway));
            Notify.success(anyway ? "Marked curated with open places (recorded)" : "Marked curated");
        } catch (OpenPlacesException e) {
            view.reload();
            showRefusal(e.places());
            return;
        } catch (RuntimeException e) {
            Notify.refused(e);
        }
        view.reload();
    }

    /** The refusal: every open place with a link to it, and the explicit override. */
    private void showRefusal(List<Disagreement> open) {
        if (refusal != null) {
            refusal.close();
        }
        Dialog dialog = new Dialog();
        dialog.setId("open-places-dialog");
        dialog.setHeaderTitle(open.size() == 1 ? "1 place is still open" : open.size() + " places are still open");
        dialog.add(new Paragraph("The gold standard would disagree with what this page says. Settle these first:"));
        Div list = new Div();
        list.setId("open-places");
        for (Disagreement d : open) {
            Button go = new Button("“" + Chips.quote(d.text(), 60) + "”", e -> {
                dialog.close();
                view.navigation.selectAt(d.start() + "-" + d.end(), d.kind().id());
            });
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            go.addClassName("fs-cur-open-place-link");
            Div row = new Div(DisagreementsView.kind(d.kind()), go, new Span(" " + d.description()));
            row.addClassName("fs-cur-open-place");
            list.add(row);
        }
        dialog.add(list);
        Button settle = new Button("Settle them", e -> {
            dialog.close();
            view.navigation.forgetPlace();
            view.navigation.step(1);
        });
        settle.setId("settle-first");
        settle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button anyway = new Button("Curate anyway, " + open.size() + " open", e -> {
            dialog.close();
            markCurated(true);
        });
        anyway.setId("curate-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        anyway.getElement().setAttribute("title", "Marks the document curated with these places open; the audit"
                + " trail and the document say so");
        dialog.getFooter().add(anyway, settle);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refusal = null;
            }
        });
        refusal = dialog;
        dialog.open();
    }

    void reopen() {
        Notify.attempt(() -> view.store().setVersion(curation.reopen(currentUser.require(), view.slug(),
                new DocumentId(view.documentId()), new Version(view.store().version()))));
        view.reload();
    }

    void merge(MergeOptions options) {
        Notify.run(() -> {
            Versioned<CurationService.MergeResult> r = curation.merge(currentUser.require(), view.slug(),
                    new DocumentId(view.documentId()), new Version(view.store().version()), options);
            view.store().setVersion(r.version());
            return "Merged " + r.value().spans() + " span(s) and " + r.value().attributions() + " attribution(s)";
        });
        view.reload();
    }

    void openMergeDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Merge again");
        RadioButtonGroup<MergeMode> mode = new RadioButtonGroup<>();
        mode.setItems(MergeMode.UNANIMOUS, MergeMode.MAJORITY);
        mode.setItemLabelGenerator(m -> m == MergeMode.UNANIMOUS ? "what all annotators agree on"
                : "also what a majority agrees on");
        mode.setValue(MergeMode.UNANIMOUS);
        NumberField threshold = StartPanel.thresholdField();
        threshold.setEnabled(false);
        mode.addValueChangeListener(e -> threshold.setEnabled(e.getValue() == MergeMode.MAJORITY));
        List<String> unfinished = view.state().work().stream().filter(w -> !w.finished() && w.spans() > 0)
                .map(DocumentCuration.AnnotatorWork::annotator).toList();
        Checkbox includeUnfinished = new Checkbox("Also merge the work of annotators who have not finished ("
                + String.join(", ", unfinished) + ")");
        includeUnfinished.setId("merge-unfinished");
        includeUnfinished.setVisible(!unfinished.isEmpty());
        dialog.add(new Paragraph("Adds only where the gold standard has nothing yet; rejected versions stay out."
                + " Counts the work of annotators who marked the document finished."), mode, threshold,
                includeUnfinished);
        Button go = new Button("Merge", e -> {
            dialog.close();
            Notify.call(() -> new MergeOptions(mode.getValue(), threshold.getValue() == null
                    ? MergeOptions.DEFAULT_THRESHOLD : threshold.getValue(), includeUnfinished.getValue()))
                    .ifPresent(this::merge);
        });
        go.setId("merge-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }
}
