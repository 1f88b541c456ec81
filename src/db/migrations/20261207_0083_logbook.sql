-- The logbook (dagboek) of a client's circle (issue 16): short entries by members, each with a
-- visibility the author chooses: 'circle' (everyone with at least agenda access), 'full' (only
-- people with full or manage access, incl. professionals of linked organisations) or 'private'
-- (only the author). The server filters on it; see modules/logbook.
create table logbook_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  author_user_id uuid references users (id) on delete set null,
  visibility text not null check (visibility in ('circle', 'full', 'private')),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index logbook_entries_client_idx on logbook_entries (client_id, created_at desc);
create index logbook_entries_author_idx on logbook_entries (author_user_id);
