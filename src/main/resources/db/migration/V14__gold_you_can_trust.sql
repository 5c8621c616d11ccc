-- Gold you can trust (issue 17, decision 023). Per document's curation:
-- merge_unfinished: the curator chose to merge the work of annotators who had not marked the document finished;
-- merge_counted: whose work the last automatic merge counted (comma-separated user names; null before V14);
-- curated_open: the number of places still open when the document was marked curated anyway (null: none open).
alter table curation_state add column merge_unfinished boolean default false not null;
alter table curation_state add column merge_counted varchar(4000);
alter table curation_state add column curated_open integer;
alter table curation_state add constraint curation_state_curated_open_ck check (curated_open is null or curated_open > 0);
