-- Integrity (decision 016): remove rows that point at something gone. On H2 a create racing a delete could leave them
-- (its foreign key checks do not lock the parent row, so ON DELETE CASCADE missed rows inserted at that moment): a
-- triple naming a deleted span made curation, disagreements, agreement and some exports fail for a whole project.
-- Since V9 every create locks what it points at, so none arise; this removes those that exist. On PostgreSQL, whose
-- foreign keys did hold, it finds nothing. Portable between H2 (2.x) and PostgreSQL.

-- What people made and lose here goes into the audit trail first: attribution triples and claim members whose span
-- is gone (the annotator sees it in the document's history).
insert into audit_event (at, user_id, username, action, project_id, document_id, span_id, attribution_id, owner,
    before_json, after_json)
select current_timestamp, null, 'system', 'attribution.repair', d.project_id, a.document_id, a.content_span_id, a.id,
    u.username,
    '{"migration":"V9","reason":"names a span that is gone","source":'
        || coalesce(cast(a.source_span_id as varchar(20)), 'null') || ',"cue":'
        || coalesce(cast(a.cue_span_id as varchar(20)), 'null') || ',"content":'
        || cast(a.content_span_id as varchar(20)) || '}',
    null
from attribution a
left join document d on d.id = a.document_id
left join app_user u on u.id = a.user_id
where not exists (select 1 from span s where s.id = a.content_span_id)
   or (a.source_span_id is not null and not exists (select 1 from span s where s.id = a.source_span_id))
   or (a.cue_span_id is not null and not exists (select 1 from span s where s.id = a.cue_span_id));

insert into audit_event (at, user_id, username, action, project_id, document_id, span_id, attribution_id, owner,
    before_json, after_json)
select current_timestamp, null, 'system', 'claim.member.repair', c.project_id, null, m.span_id, null, null,
    '{"migration":"V9","reason":"names a span that is gone","cluster":' || cast(m.cluster_id as varchar(20))
        || ',"member":' || cast(m.id as varchar(20)) || ',"span":' || cast(m.span_id as varchar(20)) || '}',
    null
from claim_member m
left join claim_cluster c on c.id = m.cluster_id
where not exists (select 1 from span s where s.id = m.span_id);

-- From the top down, so that what a removed row owned goes with it (its foreign keys cascade).
delete from label where not exists (select 1 from project p where p.id = label.project_id);
delete from label_attribute where not exists (select 1 from label l where l.id = label_attribute.label_id);
delete from project_member where not exists (select 1 from project p where p.id = project_member.project_id)
    or not exists (select 1 from app_user u where u.id = project_member.user_id);
delete from recommender_setting where not exists (select 1 from project p where p.id = recommender_setting.project_id);
delete from claim_cluster where not exists (select 1 from project p where p.id = claim_cluster.project_id);
delete from document where not exists (select 1 from project p where p.id = document.project_id);

delete from span where not exists (select 1 from document d where d.id = span.document_id);
delete from curation_state where not exists (select 1 from document d where d.id = curation_state.document_id);
delete from assignment where not exists (select 1 from document d where d.id = assignment.document_id)
    or not exists (select 1 from app_user u where u.id = assignment.user_id);
delete from suggestion_rejection where not exists (select 1 from document d where d.id = suggestion_rejection.document_id);

delete from attribution where not exists (select 1 from document d where d.id = attribution.document_id)
    or not exists (select 1 from span s where s.id = attribution.content_span_id)
    or (attribution.source_span_id is not null
        and not exists (select 1 from span s where s.id = attribution.source_span_id))
    or (attribution.cue_span_id is not null
        and not exists (select 1 from span s where s.id = attribution.cue_span_id));
delete from span_attribute where not exists (select 1 from span s where s.id = span_attribute.span_id);
delete from span_suggestion where not exists (select 1 from span s where s.id = span_suggestion.span_id);
delete from claim_member where not exists (select 1 from claim_cluster c where c.id = claim_member.cluster_id)
    or not exists (select 1 from span s where s.id = claim_member.span_id);
delete from curation_rejection where not exists (select 1 from document d where d.id = curation_rejection.document_id)
    or (curation_rejection.span_id is not null
        and not exists (select 1 from span s where s.id = curation_rejection.span_id))
    or (curation_rejection.attribution_id is not null
        and not exists (select 1 from attribution a where a.id = curation_rejection.attribution_id));
delete from api_token where not exists (select 1 from app_user u where u.id = api_token.user_id);
