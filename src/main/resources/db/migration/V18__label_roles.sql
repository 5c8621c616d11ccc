-- Labels carry their role in the schema (decision 024): a label's kind, SPAN (no role) or CUE, gains CONTENT (what is
-- claimed) and SOURCE (who claims it). Attributions, claims, conflicts, patterns and exports find their labels by role,
-- so a project may name them Statement, Speaker and Cue. Until now the names CLAIM and SOURCE carried that meaning:
-- this migration is the one place that reads them, to give every existing project the roles it had implicitly.

alter table label drop constraint label_kind_ck;
alter table label add constraint label_kind_ck
    check (case when kind = 'SPAN' then 1 when kind = 'CUE' then 1 when kind = 'CONTENT' then 1
                when kind = 'SOURCE' then 1 else 0 end = 1);

update label set kind = 'CONTENT' where name = 'CLAIM' and kind = 'SPAN';
update label set kind = 'SOURCE' where name = 'SOURCE' and kind = 'SPAN';
