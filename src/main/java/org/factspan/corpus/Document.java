package org.factspan.corpus;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text to annotate. The body is stored exactly as imported; offsets into it are code points. */
@Entity
@Table(name = "document")
class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String title;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "length_cp", nullable = false)
    private int lengthCp;

    /** Metadata as a JSON object of strings. */
    @Column(nullable = false)
    private String meta;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When it was published (decision 019): ISO, null when unknown; see {@link PublicationTime}. */
    @Column(name = "published")
    private String published;

    @Column(name = "published_expression")
    private String publishedExpression;

    /** text, metadata, curator or none; null: not looked for yet (documents imported before version 12). */
    @Column(name = "published_source")
    private String publishedSource;

    @Column(name = "time_zone")
    private String timeZone;

    protected Document() {
    }

    Document(long projectId, String name, String title, String body, String sha256, String meta, int position,
            Instant createdAt) {
        this.projectId = projectId;
        this.name = name;
        this.title = title;
        this.body = body;
        this.sha256 = sha256;
        this.lengthCp = body.codePointCount(0, body.length());
        this.meta = meta;
        this.position = position;
        this.createdAt = createdAt;
    }

    void setPublished(PublicationTime p) {
        this.published = p.value();
        this.publishedExpression = p.expression();
        this.publishedSource = p.source();
        this.timeZone = p.zone();
    }

    PublicationTime getPublished() {
        return new PublicationTime(published, publishedExpression, publishedSource, timeZone);
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    String getName() {
        return name;
    }

    String getTitle() {
        return title;
    }

    String getBody() {
        return body;
    }

    String getSha256() {
        return sha256;
    }

    int getLengthCp() {
        return lengthCp;
    }

    String getMeta() {
        return meta;
    }
}
