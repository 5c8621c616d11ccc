-- Every audit entry about a span names its document too, and a span's history is read within its document
-- (AuditLog.ofSpan): the document index finds it. One index less to write on every change (issue 14's save cost).
drop index audit_event_span_ix;
