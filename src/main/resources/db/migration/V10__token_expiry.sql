-- Personal API tokens may expire (issue 13, decision 017): chosen when the token is created, refused from then on.
alter table api_token add column expires_at timestamp with time zone;
