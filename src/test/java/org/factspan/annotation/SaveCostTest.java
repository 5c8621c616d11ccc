package org.factspan.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What one span save costs in SQL (issue 14, "cheap saves"): every statement the save sends on the calling thread is
 * counted through a proxy around the data source, warm (after a first save on the same document).
 */
@SpringBootTest
class SaveCostTest {

    /** Statements sent on the current thread while {@link #counting} is set. */
    static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    @TestConfiguration
    static class CountStatements {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(ds).name("counted").listener(new QueryExecutionListener() {
                            @Override
                            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                            }

                            @Override
                            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                                List<String> seen = SEEN.get();
                                if (seen != null) {
                                    queries.forEach(q -> seen.add(q.getQuery()));
                                }
                            }
                        }).build();
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    SpanRepository spans;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Actor alice;
    long documentId;

    @BeforeEach
    void setUp() {
        alice = users.findActor("alice").orElseThrow();
        documentId = corpus.listDocuments(alice, TestUsers.SEED_PROJECT).get(3).id();
        spans.deleteAll();
    }

    @Test
    void aSpanSaveSendsThreeStatementsAuditIncluded() {
        annotations.createSpan(alice, TestUsers.SEED_PROJECT, documentId, 0, 5, "CLAIM");
        List<String> seen = new ArrayList<>();
        SEEN.set(seen);
        try {
            annotations.createSpan(alice, TestUsers.SEED_PROJECT, documentId, 10, 15, "SOURCE");
        } finally {
            SEEN.remove();
        }
        seen.forEach(q -> System.out.println("SQL> " + q));
        assertThat(seen).as("statements of one span save").anyMatch(q -> q.contains("insert into audit_event"))
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void everyEntryOfADeleteNamesItsProjectSoOtherInstancesSeeIt() {
        SpanInfo claim = annotations.createSpan(alice, TestUsers.SEED_PROJECT, documentId, 0, 5, "CLAIM");
        SpanInfo source = annotations.createSpan(alice, TestUsers.SEED_PROJECT, documentId, 10, 15, "SOURCE");
        AttributionInfo link = annotations.createAttribution(alice, TestUsers.SEED_PROJECT, documentId, source.id(),
                null, claim.id());
        annotations.deleteAttribution(alice, TestUsers.SEED_PROJECT, new DocumentId(documentId), link.id());
        annotations.deleteSpan(alice, TestUsers.SEED_PROJECT, new DocumentId(documentId), new SpanId(claim.id()));
        Long project = jdbc.queryForObject("select project_id from document where id = ?", Long.class, documentId);
        assertThat(jdbc.queryForList("select project_id from audit_event where document_id = ? and action in"
                + " ('span.delete', 'attribution.delete') and span_id in (?, ?)", Long.class, documentId, claim.id(),
                source.id())).hasSize(2).containsOnly(project);
    }
}
