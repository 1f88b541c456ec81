-- Files attached to logbook entries (issue 16 part 5). The bytes live in PostgreSQL (bytea), in
-- the same transaction as the upload's audit line: no file store to keep in step, backups hold
-- everything. At most 10 MB each (checked in modules/attachments before the insert, and here).
-- media_type is what the server detected from the content (magic bytes), never what the
-- browser said; file_name is sanitised. A file goes with its entry (on delete cascade).
create table logbook_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  entry_id uuid not null references logbook_entries (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null,
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index logbook_attachments_entry_idx on logbook_attachments (entry_id, created_at);
create index logbook_attachments_client_idx on logbook_attachments (client_id);
