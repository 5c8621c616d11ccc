package org.factspan.corpus;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<Document, Long> {

    /** Listing without the body: the text is loaded only when a document is opened. */
    @Query("select new org.factspan.corpus.DocumentRow(d.id, d.name, d.title, d.lengthCp, d.sha256, d.meta,"
            + " d.published, d.publishedExpression, d.publishedSource, d.timeZone)"
            + " from Document d where d.projectId = :projectId order by d.position, d.id")
    List<DocumentRow> listRows(long projectId);

    /** Like {@link #listRows(long)}, only the documents among {@code ids}. */
    @Query("select new org.factspan.corpus.DocumentRow(d.id, d.name, d.title, d.lengthCp, d.sha256, d.meta,"
            + " d.published, d.publishedExpression, d.publishedSource, d.timeZone)"
            + " from Document d where d.projectId = :projectId and d.id in :ids order by d.position, d.id")
    List<DocumentRow> listRows(long projectId, java.util.Collection<Long> ids);

    Optional<Document> findByIdAndProjectId(long id, long projectId);

    /** Id and position of the project's documents among {@code ids}. */
    @Query("select d.id, d.position from Document d where d.projectId = :projectId and d.id in :ids")
    List<Object[]> positions(long projectId, java.util.Collection<Long> ids);

    /** Id and position of every document of the project. */
    @Query("select d.id, d.position from Document d where d.projectId = :projectId")
    List<Object[]> positions(long projectId);

    List<Document> findByProjectIdAndIdIn(long projectId, java.util.Collection<Long> ids);

    @Query("select new org.factspan.corpus.DocumentRow(d.id, d.name, d.title, d.lengthCp, d.sha256, d.meta,"
            + " d.published, d.publishedExpression, d.publishedSource, d.timeZone)"
            + " from Document d where d.id = :id and d.projectId = :projectId")
    Optional<DocumentRow> findRow(long id, long projectId);

    @Query("select d.body from Document d where d.id = :id")
    Optional<String> findBody(long id);

    long countByProjectId(long projectId);

    boolean existsByProjectIdAndSha256(long projectId, String sha256);

    @Query("select new org.factspan.corpus.DocumentRow(d.id, d.name, d.title, d.lengthCp, d.sha256, d.meta,"
            + " d.published, d.publishedExpression, d.publishedSource, d.timeZone)"
            + " from Document d where d.projectId = :projectId and d.sha256 = :sha256")
    Optional<DocumentRow> findRowBySha256(long projectId, String sha256);
}
