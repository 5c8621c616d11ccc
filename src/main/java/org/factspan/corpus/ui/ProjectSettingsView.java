package org.factspan.corpus.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.factspan.base.Markdown;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.LabelUse;
import org.factspan.corpus.MemberInfo;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectDetails;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSettings;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.factspan.security.UserInfo;
import org.factspan.security.UserService;

/**
 * A project's settings for its curators and admins: general settings, the label schema (labels, their attributes,
 * order; removing a used label is refused with a count, or maps its spans to another label), the guidelines in
 * Markdown with a preview, and the members with their roles (changed by admins).
 */
@Route("projects/:slug/settings")
@PageTitle("Project settings · Factspan")
@PermitAll
public class ProjectSettingsView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Anchor back = new Anchor();
    final TabSheet tabs = new TabSheet();
    // general
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Checkbox snap = new Checkbox("Snap selections to whole words");
    final Checkbox overlap = new Checkbox("An annotator's spans may overlap");
    final IntegerField k = new IntegerField("Annotators per document");
    final com.vaadin.flow.component.textfield.NumberField threshold = new com.vaadin.flow.component.textfield.NumberField(
            "Suggestion threshold");
    final Button saveGeneral = new Button("Save settings");
    // labels
    final Grid<LabelInfo> labels = new Grid<>();
    final Button addLabel = new Button("Add label");
    LabelEditor labelEditor;
    com.vaadin.flow.component.dialog.Dialog removeDialog;
    // guidelines
    final TextArea guidelines = new TextArea();
    final Div preview = new Div();
    final Button saveGuidelines = new Button("Save guidelines");
    // members
    final Grid<MemberInfo> members = new Grid<>();
    final ComboBox<UserInfo> newMember = new ComboBox<>("User");
    final Select<ProjectRole> newRole = new Select<>();
    final Button addMember = new Button("Add to project");

    private final CorpusService corpus;
    private final ProjectAdminService admin;
    private final UserService users;
    private final CurrentUser currentUser;
    private String slug;
    private ProjectDetails project;
    private boolean isAdmin;

    public ProjectSettingsView(CorpusService corpus, ProjectAdminService admin, UserService users,
            CurrentUser currentUser) {
        this.corpus = corpus;
        this.admin = admin;
        this.users = users;
        this.currentUser = currentUser;
        addClassName("fs-page");
        back.setId("back-to-documents");
        tabs.setWidthFull();
        tabs.setId("settings-tabs");
        tabs.add("General", general());
        tabs.add("Labels", labelsTab());
        tabs.add("Guidelines", guidelinesTab());
        tabs.add("Members", membersTab());
        add(back, title, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enterAsCurator(event, corpus, currentUser, "change its settings", route -> {
            slug = route.slug();
            Actor actor = route.actor();
            isAdmin = actor.isAdmin();
            load(admin.details(actor, slug));
        });
    }

    private void load(ProjectDetails details) {
        project = details;
        title.setText(details.name() + (details.archived() ? " (archived, read-only)" : ""));
        back.setText("← Documents of " + details.name());
        back.setHref("projects/" + details.slug());
        name.setValue(details.name());
        name.setReadOnly(!isAdmin);
        name.setHelperText(isAdmin ? null : "Admins rename projects");
        description.setValue(details.description() == null ? "" : details.description());
        snap.setValue(details.settings().snapWords());
        overlap.setValue(details.settings().allowOverlap());
        k.setValue(details.settings().annotatorsPerDocument());
        threshold.setValue(details.settings().suggestionThreshold() == null ? 0.0
                : details.settings().suggestionThreshold());
        labels.setItems(details.labels());
        guidelines.setValue(details.guidelines() == null ? "" : details.guidelines());
        showPreview();
        members.setItems(admin.members(currentUser.require(), details.slug()));
        newMember.setVisible(isAdmin);
        newRole.setVisible(isAdmin);
        addMember.setVisible(isAdmin);
        if (isAdmin) {
            newMember.setItems(users.listUsers(currentUser.require()).stream().filter(UserInfo::enabled).toList());
        }
    }

    private void reload() {
        load(admin.details(currentUser.require(), slug));
    }

    // ------------------------------------------------------------------ general

    private VerticalLayout general() {
        name.setId("settings-name");
        description.setId("settings-description");
        description.setWidthFull();
        snap.setId("settings-snap");
        overlap.setId("settings-overlap");
        k.setId("settings-k");
        k.setMin(1);
        k.setMax(20);
        k.setStepButtonsVisible(true);
        k.setHelperText("How many annotators label each document (automatic assignment fills up to this)");
        threshold.setId("settings-threshold");
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.05);
        threshold.setStepButtonsVisible(true);
        threshold.setHelperText("Suggestions scored below this (0 to 1) are not offered; 0 offers all. Raise it when a"
                + " long document drowns in dashed boxes.");
        saveGeneral.setId("save-general");
        saveGeneral.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveGeneral.addClickListener(e -> Notify.run(() -> {
            if (k.getValue() == null) {
                throw new IllegalArgumentException("Annotators per document must be a number from 1 to 20");
            }
            if (threshold.getValue() == null) {
                throw new IllegalArgumentException("The suggestion threshold must be a number from 0 to 1");
            }
            ProjectDetails saved = admin.update(currentUser.require(), slug, isAdmin ? name.getValue() : null,
                    description.getValue(), null, new ProjectSettings(snap.getValue(), overlap.getValue(),
                            k.getValue(), threshold.getValue()), null);
            load(saved);
            return "Settings saved";
        }));
        var layout = new VerticalLayout(name, description, snap, overlap, k, threshold, saveGeneral);
        layout.setPadding(false);
        layout.setMaxWidth("40rem");
        return layout;
    }

    // ------------------------------------------------------------------ labels

    private VerticalLayout labelsTab() {
        labels.setId("labels");
        labels.addComponentColumn(l -> {
            Span chip = new Span(l.title());
            chip.addClassName("fs-label-chip");
            chip.getStyle().set("--fs-color", l.color());
            return chip;
        }).setHeader("Label").setFlexGrow(2);
        labels.addColumn(LabelInfo::name).setHeader("Name").setFlexGrow(2);
        labels.addColumn(l -> l.letter() == null ? l.key() : l.key() + " / " + l.letter()).setHeader("Keys")
                .setFlexGrow(0).setWidth("6em");
        labels.addColumn(l -> l.kind() == LabelKind.SPAN ? "" : l.kind().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Role")
                .setFlexGrow(1);
        labels.addColumn(l -> l.attributes().stream().map(a -> a.name() + (a.kind().support().takesOptions()
                ? " (" + String.join(", ", a.options()) + ")" : " (" + a.kind().id().toLowerCase(java.util.Locale.ROOT)
                        + ")")).collect(Collectors.joining("; "))).setHeader("Attributes").setFlexGrow(4);
        labels.addComponentColumn(l -> {
            Button up = Ui.small("↑", e -> Notify.run(() -> {
                load(admin.moveLabel(currentUser.require(), slug, l.name(), -1));
                return null;
            }));
            up.getElement().setAttribute("title", "Move up");
            up.getElement().setAttribute("aria-label", "Move " + l.name() + " up");
            Button down = Ui.small("↓", e -> Notify.run(() -> {
                load(admin.moveLabel(currentUser.require(), slug, l.name(), 1));
                return null;
            }));
            down.getElement().setAttribute("title", "Move down");
            down.getElement().setAttribute("aria-label", "Move " + l.name() + " down");
            Button edit = Ui.small("Edit", e -> openLabel(l));
            edit.setId("edit-label-" + l.name());
            Button remove = Ui.small("Remove", e -> openRemove(l));
            remove.setId("remove-label-" + l.name());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(up, down, edit, remove);
        }).setFlexGrow(0).setWidth("19em");
        labels.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        labels.setAllRowsVisible(true);
        addLabel.setId("add-label");
        addLabel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addLabel.addClickListener(e -> openLabel(null));
        var help = new Paragraph("Keys 1–9 and an optional letter apply a label in the editor. A label in use keeps"
                + " its name; removing it is refused while spans use it, unless you move them to another label.");
        help.addClassName("fs-muted");
        var layout = new VerticalLayout(help, labels, addLabel);
        layout.setPadding(false);
        return layout;
    }

    void openLabel(LabelInfo existing) {
        labelEditor = new LabelEditor(existing, project.labels());
        labelEditor.open(label -> Notify.run(() -> {
            load(admin.saveLabel(currentUser.require(), slug, label));
            return "Label " + label.name() + " saved";
        }));
    }

    void openRemove(LabelInfo label) {
        LabelUse use = admin.labelUse(currentUser.require(), slug, label.name());
        if (use.spans() == 0) {
            removeDialog = Ui.dialog("Remove label " + label.title() + "?",
                    new Paragraph("No span uses " + label.name() + "."), "Remove label", () -> {
                        load(admin.removeLabel(currentUser.require(), slug, label.name(), null));
                        return "Label " + label.name() + " removed";
                    });
            return;
        }
        Select<String> target = new Select<>();
        target.setId("map-to");
        target.setLabel("Move them to");
        target.setItems(project.labels().stream().map(LabelInfo::name).filter(n -> !n.equals(label.name())).toList());
        target.setItemLabelGenerator(n -> project.labels().stream().filter(l -> l.name().equals(n)).findFirst()
                .map(l -> l.title() + " (" + l.name() + ")").orElse(n));
        var usage = new Paragraph(use.spans() + (use.spans() == 1 ? " span uses " : " spans use ") + label.name()
                + (use.inAttributions() > 0 ? ", " + use.inAttributions() + " of them in attributions" : "")
                + (use.attributeValues() > 0 ? ", carrying " + use.attributeValues() + " attribute values" : "")
                + ". The label cannot be removed while they use it: keep it, or move them to another label and"
                + " remove it. Attribute values the other label does not accept are dropped.");
        usage.setId("label-usage");
        removeDialog = Ui.dialog("Label " + label.title() + " is in use", new VerticalLayout(usage, target),
                "Move spans and remove", "Keep the label", false, () -> {
                    if (target.getValue() == null) {
                        throw new IllegalArgumentException("Choose the label the spans move to");
                    }
                    load(admin.removeLabel(currentUser.require(), slug, label.name(), target.getValue()));
                    return use.spans() + " spans moved to " + target.getValue() + "; " + label.name() + " removed";
                });
    }

    // ------------------------------------------------------------------ guidelines

    private HorizontalLayout guidelinesTab() {
        guidelines.setId("guidelines-source");
        guidelines.setLabel("Guidelines (Markdown)");
        guidelines.setWidthFull();
        guidelines.setMinHeight("24rem");
        guidelines.setValueChangeMode(ValueChangeMode.LAZY);
        guidelines.addValueChangeListener(e -> showPreview());
        preview.setId("guidelines-preview");
        preview.addClassName("fs-guidelines-preview");
        saveGuidelines.setId("save-guidelines");
        saveGuidelines.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveGuidelines.addClickListener(e -> Notify.run(() -> {
            load(admin.update(currentUser.require(), slug, null, null, guidelines.getValue(), null, null));
            return "Guidelines saved; annotators see them next to the text";
        }));
        var editor = new VerticalLayout(guidelines, saveGuidelines);
        editor.setPadding(false);
        var previewBox = new VerticalLayout(new Span("Preview, as annotators see it"), preview);
        previewBox.setPadding(false);
        previewBox.addClassName("fs-preview-box");
        var layout = new HorizontalLayout(editor, previewBox);
        layout.setWidthFull();
        layout.setFlexGrow(1, editor, previewBox);
        return layout;
    }

    private void showPreview() {
        preview.removeAll();
        preview.add(new Html(Markdown.toHtml(guidelines.getValue())));
    }

    // ------------------------------------------------------------------ members

    private VerticalLayout membersTab() {
        members.setId("members");
        members.addColumn(MemberInfo::username).setHeader("User name").setFlexGrow(1);
        members.addColumn(MemberInfo::displayName).setHeader("Name").setFlexGrow(2);
        members.addComponentColumn(m -> {
            if (!isAdmin) {
                return new Span(m.role() == ProjectRole.CURATOR ? "curator" : "annotator");
            }
            Select<ProjectRole> role = roleSelect();
            role.setValue(m.role());
            role.setId("role-" + m.username());
            role.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    Notify.run(() -> {
                        admin.setMember(currentUser.require(), slug, m.username(), e.getValue());
                        reload();
                        return m.username() + " is now " + e.getValue().name().toLowerCase() + " here";
                    });
                }
            });
            return role;
        }).setHeader("Role in this project").setFlexGrow(1);
        members.addComponentColumn(m -> {
            Button remove = Ui.small("Remove", e -> Notify.run(() -> {
                admin.removeMember(currentUser.require(), slug, m.username());
                reload();
                return m.username() + " removed from the project";
            }));
            remove.setId("remove-member-" + m.username());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.setVisible(isAdmin);
            return remove;
        }).setFlexGrow(0).setWidth("8em");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.setAllRowsVisible(true);
        newMember.setId("new-member");
        newMember.setItemLabelGenerator(u -> u.username() + " · " + u.displayName());
        newMember.setWidth("20rem");
        newRole.setId("new-member-role");
        newRole.setLabel("Role");
        newRole.setItems(ProjectRole.values());
        newRole.setItemLabelGenerator(r -> r == ProjectRole.CURATOR ? "Curator" : "Annotator");
        newRole.setValue(ProjectRole.ANNOTATOR);
        addMember.setId("add-member");
        addMember.addClickListener(e -> Notify.run(() -> {
            if (newMember.getValue() == null) {
                throw new IllegalArgumentException("Choose a user");
            }
            var added = admin.setMember(currentUser.require(), slug, newMember.getValue().username(),
                    newRole.getValue());
            newMember.clear();
            reload();
            return added.username() + " added as " + added.role().name().toLowerCase();
        }));
        var add = new HorizontalLayout(newMember, newRole, addMember);
        add.setAlignItems(FlexComponent.Alignment.BASELINE);
        var help = new Paragraph("Annotators label documents (once the project assigns work, only those assigned to"
                + " them); curators see everyone's work, assign documents and follow progress. Admins change members.");
        help.addClassName("fs-muted");
        var layout = new VerticalLayout(help, members, add);
        layout.setPadding(false);
        return layout;
    }

    private static Select<ProjectRole> roleSelect() {
        Select<ProjectRole> role = new Select<>();
        role.setItems(ProjectRole.values());
        role.setItemLabelGenerator(r -> r == ProjectRole.CURATOR ? "Curator" : "Annotator");
        role.setWidth("10em");
        return role;
    }
}
