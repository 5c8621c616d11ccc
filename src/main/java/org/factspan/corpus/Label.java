package org.factspan.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One label of a project's schema. */
@Entity
@Table(name = "label")
class Label {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String hotkey;

    private String letter;

    @Column(nullable = false)
    private String color;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LabelKind kind;

    @Column(nullable = false)
    private int position;

    protected Label() {
    }

    Label(long projectId, LabelInfo info, int position) {
        this.projectId = projectId;
        this.name = info.name();
        this.title = info.title();
        this.hotkey = info.key();
        this.letter = info.letter();
        this.color = info.color();
        this.kind = info.kind();
        this.position = position;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }
}
