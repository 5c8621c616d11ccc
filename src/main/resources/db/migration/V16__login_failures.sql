-- Login throttling shared by every instance on one database (issue 14, decision 025): failed logins per user name and
-- per client address, both kept as SHA-256 hashes (a password typed into the name field is never stored).
create table login_failure (
    scope        varchar(8)  not null,
    subject      varchar(64) not null,
    failures     integer     not null,
    last_failure timestamp with time zone not null,
    locked_until timestamp with time zone,
    primary key (scope, subject)
);
create index login_failure_last on login_failure (last_failure);
