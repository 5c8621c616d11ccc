-- Attribute kinds are classes found at start (corpus.AttributeKinds, decision 027), not a list kept in the database:
-- a kind added as one class must be storable without a migration. The application checks every kind it stores
-- against the installed kinds (an unknown one is a 400 that names them); the column stays not null.
alter table label_attribute drop constraint label_attribute_kind_ck;
