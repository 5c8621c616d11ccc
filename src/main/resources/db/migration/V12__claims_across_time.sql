-- Claims across time (decision 019).

-- When each document was published, as its text, its metadata or a curator says, and the time zone its local times
-- are read in. published_source: text, metadata, curator or none (looked for, nothing found); null marks documents
-- imported before this version, which PublicationBackfill reads once at start.
alter table document add column published varchar(40);
alter table document add column published_expression varchar(300);
alter table document add column published_source varchar(16);
alter table document add column time_zone varchar(64);

-- A curator's reference time for a claim span: the words or ISO time typed, placed again on every read (so that a
-- corrected publication time moves it too).
create table claim_time (
    span_id    bigint       primary key references span (id) on delete cascade,
    expression varchar(100) not null,
    set_by     bigint       not null references app_user (id),
    set_at     timestamp with time zone not null
);

-- A curator's verdict on a claim cluster: the established value (as typed, read as an interval) and as-of time,
-- status, rating, explanation, evidence URLs (one per line) and evidence members (claim_verdict_member).
create table claim_verdict (
    cluster_id  bigint        primary key references claim_cluster (id) on delete cascade,
    value_text  varchar(100),
    as_of_text  varchar(100),
    as_of_from  timestamp with time zone,
    as_of_to    timestamp with time zone,
    time_zone   varchar(64)   not null,
    status      varchar(16)   not null,
    rating      varchar(16)   not null,
    explanation varchar(2000) not null,
    urls        varchar(6000),
    set_by      bigint        not null references app_user (id),
    set_at      timestamp with time zone not null,
    constraint claim_verdict_status_ck check (status in ('CONSISTENT', 'UPDATED', 'CONTRADICTED', 'UNRESOLVED')),
    constraint claim_verdict_rating_ck check (rating in ('TRUE', 'MOSTLY_TRUE', 'MIXED', 'FALSE', 'UNVERIFIABLE'))
);

create table claim_verdict_member (
    cluster_id bigint not null references claim_verdict (cluster_id) on delete cascade,
    member_id  bigint not null references claim_member (id) on delete cascade,
    primary key (cluster_id, member_id)
);
create index claim_verdict_member_ix on claim_verdict_member (member_id);
