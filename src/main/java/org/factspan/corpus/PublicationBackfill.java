package org.factspan.corpus;

import java.util.List;
import java.util.Map;
import org.factspan.base.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once, at the first start after version 12: reads the publication time of documents imported before (their
 * {@code published_source} is null) from their metadata and text, as an import does now (decision 019).
 */
@Component
@Order(5)
class PublicationBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PublicationBackfill.class);
    private static final TypeReference<Map<String, String>> META = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    PublicationBackfill(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> ids = jdbc.queryForList("select id from document where published_source is null order by id",
                Long.class);
        for (long id : ids) {
            tx.executeWithoutResult(status -> jdbc.query("select name, body, meta from document where id = ?", r -> {
                PublicationTime p;
                try {
                    p = ProjectSetupService.publication(r.getString(1), r.getString(2),
                            json.readValue(r.getString(3), META));
                } catch (InvalidRequestException e) {
                    p = PublicationTime.none(null);
                }
                jdbc.update("update document set published = ?, published_expression = ?, published_source = ?,"
                        + " time_zone = ? where id = ? and published_source is null", p.value(), p.expression(),
                        p.source(), p.zone(), id);
            }, id));
        }
        if (!ids.isEmpty()) {
            log.info("Read the publication time of {} document(s) imported before version 12", ids.size());
        }
    }
}
