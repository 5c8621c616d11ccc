-- The claim verdict's check constraints were written with IN lists after V11 had rewritten every other one, and so
-- kept the fault V11 describes: once the pool retired the connection Flyway migrated with (Hikari: after 30 minutes),
-- recording a verdict failed with "Check constraint invalid: CLAIM_VERDICT_STATUS_CK" until a restart. The same
-- rules as a searched CASE, as V11 writes them (docs/decisions/018-one-way-in.md).

alter table claim_verdict drop constraint claim_verdict_status_ck;
alter table claim_verdict add constraint claim_verdict_status_ck
    check (case when status = 'CONSISTENT' then 1 when status = 'UPDATED' then 1 when status = 'CONTRADICTED' then 1
        when status = 'UNRESOLVED' then 1 else 0 end = 1);

alter table claim_verdict drop constraint claim_verdict_rating_ck;
alter table claim_verdict add constraint claim_verdict_rating_ck
    check (case when rating = 'TRUE' then 1 when rating = 'MOSTLY_TRUE' then 1 when rating = 'MIXED' then 1
        when rating = 'FALSE' then 1 when rating = 'UNVERIFIABLE' then 1 else 0 end = 1);
