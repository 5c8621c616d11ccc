-- Check constraints without IN lists. H2 2.4 keeps the session that created a check constraint for comparing the
-- values of an IN list (or of col = 'a' or col = 'b', which it turns into one); once that session closes, every insert
-- into the table fails with "Check constraint invalid". The session is the pooled connection Flyway migrated with,
-- which Hikari retires after 30 minutes: on the first run of a new database, creating users, labels, spans,
-- curations, assignments or claim members failed from then on (409) until a restart, when H2 parses the constraints
-- anew. A searched CASE is evaluated in the inserting session. The same rules hold; PostgreSQL reads it alike.
-- New check constraints: write them this way (see docs/decisions/018-one-way-in.md).

alter table app_user drop constraint app_user_role_ck;
alter table app_user add constraint app_user_role_ck
    check (case when role = 'ADMIN' then 1 when role = 'CURATOR' then 1 when role = 'ANNOTATOR' then 1 else 0 end = 1);

alter table project_member drop constraint project_member_role_ck;
alter table project_member add constraint project_member_role_ck
    check (case when role = 'CURATOR' then 1 when role = 'ANNOTATOR' then 1 else 0 end = 1);

alter table label drop constraint label_kind_ck;
alter table label add constraint label_kind_ck
    check (case when kind = 'SPAN' then 1 when kind = 'CUE' then 1 else 0 end = 1);

alter table label_attribute drop constraint label_attribute_kind_ck;
alter table label_attribute add constraint label_attribute_kind_ck
    check (case when kind = 'ENUM' then 1 when kind = 'BOOLEAN' then 1 when kind = 'TEXT' then 1 else 0 end = 1);

alter table span drop constraint span_provenance_ck;
alter table span add constraint span_provenance_ck
    check (case when provenance is null then 1 when provenance = 'unanimous' then 1 when provenance = 'majority' then 1 when provenance = 'adjudicated' then 1 when provenance = 'curator' then 1 else 0 end = 1);

alter table attribution drop constraint attribution_provenance_ck;
alter table attribution add constraint attribution_provenance_ck
    check (case when provenance is null then 1 when provenance = 'unanimous' then 1 when provenance = 'majority' then 1 when provenance = 'adjudicated' then 1 when provenance = 'curator' then 1 else 0 end = 1);

alter table curation_state drop constraint curation_state_status_ck;
alter table curation_state add constraint curation_state_status_ck
    check (case when status = 'IN_PROGRESS' then 1 when status = 'CURATED' then 1 else 0 end = 1);

alter table curation_state drop constraint curation_state_merge_ck;
alter table curation_state add constraint curation_state_merge_ck
    check (case when merge_mode = 'UNANIMOUS' then 1 when merge_mode = 'MAJORITY' then 1 when merge_mode = 'NONE' then 1 else 0 end = 1);

alter table assignment drop constraint assignment_status_ck;
alter table assignment add constraint assignment_status_ck
    check (case when status = 'OPEN' then 1 when status = 'FINISHED' then 1 else 0 end = 1);

alter table claim_member drop constraint claim_member_stance_ck;
alter table claim_member add constraint claim_member_stance_ck
    check (case when stance = 'AGREES' then 1 when stance = 'CONFLICTS' then 1 when stance = 'REFINES' then 1 else 0 end = 1);
