-- Message threads in a client's circle (issue 16): a subject and participants, either the whole
-- circle (everyone with at least agenda level, decided at read time by the client policy) or a
-- chosen set of people with an account (thread_participants). Read markers give unread counts.
create table threads (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  subject text not null check (char_length(subject) between 1 and 200),
  audience text not null check (audience in ('circle', 'private')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_message_at timestamptz not null default now()
);
create index threads_client_idx on threads (client_id, last_message_at desc);

create table thread_participants (
  thread_id uuid not null references threads (id) on delete cascade,
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (thread_id, user_id)
);
create index thread_participants_user_idx on thread_participants (user_id, client_id);

create table thread_messages (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references threads (id) on delete cascade,
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  author_user_id uuid references users (id) on delete set null,
  body text not null check (char_length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index thread_messages_thread_idx on thread_messages (thread_id, created_at);

create table thread_reads (
  thread_id uuid not null references threads (id) on delete cascade,
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  last_read_at timestamptz not null,
  primary key (thread_id, user_id)
);
