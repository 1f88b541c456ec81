-- In-app notifications (issue 16): one row per person and event, written in the transaction of
-- the event (a message, an agenda reminder, a request to the circle, a review that is due).
-- The row holds what the text needs (kind + params) and the page to open, never the text
-- itself: the web writes it in the reader's language. Unread ones that were not read within a
-- day go out in one e-mail digest, unless the person turned the digest off.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  -- the client it is about (tenant key = the client's municipality), when it is about one
  tenant_key text,
  client_id uuid references clients (id) on delete cascade,
  kind text not null,
  params jsonb not null default '{}',
  -- a path of the web app (src/common/paths.ts PATHS)
  link text,
  -- makes a repeated event (a job that runs on two instances, a retried reminder) one row
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- when it went out in an e-mail digest
  mailed_at timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
create index notifications_digest_idx on notifications (created_at) where read_at is null and mailed_at is null;
create unique index notifications_dedupe_key on notifications (user_id, dedupe_key) where dedupe_key is not null;

alter table users add column digest_enabled boolean not null default true;
