-- Suggestions under control (issue 18, decision 020): a per-project score threshold below which the recommenders'
-- suggestions are not offered (0: all of them).
alter table project add column suggestion_threshold double precision default 0 not null;
