-- Burden checks with follow-up (issue 5): instruments (imported FHIR Questionnaires, versioned),
-- responses bound to the exact instrument version, per-caregiver schedules and reminders,
-- overload signals with status history and actions, and a small job table for the job runner.
-- Tables with client or caregiver data carry `tenant_key` (the client's municipality code).

-- An instrument is identified by its Questionnaire id (`key`) and canonical url; each import
-- of a new version adds a row to burden_instrument_versions. Responses point at a version.
create table burden_instruments (
  key text primary key check (key ~ '^[A-Za-z0-9.-]{1,64}$'),
  url text not null unique,
  -- shipped in data/instruments/ and loaded at every start
  builtin boolean not null default false,
  -- the version offered for new checks (the highest version); set after the version exists
  current_version_id uuid,
  created_at timestamptz not null default now()
);

create table burden_instrument_versions (
  id uuid primary key default gen_random_uuid(),
  instrument_key text not null references burden_instruments (key),
  version text not null,
  status text not null check (status in ('draft', 'active', 'retired')),
  title text not null,
  -- the Questionnaire exactly as imported (FHIR R4 JSON)
  resource jsonb not null,
  -- SHA-256 of the file/body, so the start-up sync of built-ins is idempotent
  content_hash text not null,
  imported_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (instrument_key, version)
);

alter table burden_instruments add constraint burden_instruments_current_fk
  foreign key (current_version_id) references burden_instrument_versions (id);

-- One check by or with a caregiver (a circle member). A draft (`in_progress`) keeps the
-- answers so far, for pause and resume; a completed one keeps the score it got.
create table burden_responses (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  member_id uuid not null references circle_members (id) on delete cascade,
  instrument_key text not null references burden_instruments (key),
  instrument_version_id uuid not null references burden_instrument_versions (id),
  status text not null default 'in_progress' check (status in ('in_progress', 'completed')),
  -- self: the caregiver filled it in; professional: taken in a conversation by a professional
  mode text not null check (mode in ('self', 'professional')),
  administered_by uuid references users (id) on delete set null,
  -- the organisation through which a professional took the check
  organisation_id uuid references organisations (id) on delete set null,
  -- taken as step 3 of a MantelScan
  mantelscan_id uuid references mantelscans (id) on delete set null,
  answers jsonb not null default '{}',
  -- the question the caregiver was at when pausing (one question per screen)
  current_link_id text,
  total int,
  band_code text,
  overload boolean,
  -- the caregiver's consent that the professional(s) of the client see this result
  shared_with_professional boolean not null default false,
  sharing_changed_at timestamptz,
  source_system text not null default 'web' check (source_system in ('web', 'api', 'fhir', 'cli', 'job')),
  started_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz,
  check ((status = 'completed') = (completed_at is not null)),
  check (status = 'in_progress' or total is not null),
  check (mode = 'self' or organisation_id is not null)
);
create unique index burden_responses_one_draft on burden_responses (member_id, instrument_key, mode) where status = 'in_progress';
create index burden_responses_member_idx on burden_responses (member_id, instrument_key, completed_at desc) where status = 'completed';
create index burden_responses_client_idx on burden_responses (client_id);

-- When a caregiver's next check is due. Rows exist once the caregiver did a first check or
-- chose a schedule; until then the defaults are shown but no reminders are sent.
create table burden_schedules (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  member_id uuid not null references circle_members (id) on delete cascade,
  instrument_key text not null references burden_instruments (key),
  interval_months int not null check (interval_months between 1 and 12),
  enabled boolean not null default true,
  next_due_on date not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (member_id, instrument_key)
);
create index burden_schedules_due_idx on burden_schedules (next_due_on) where enabled;

-- One reminder per schedule and due date: the primary key makes "exactly once" hold even
-- when several app instances run the reminder job at the same moment.
create table burden_reminders (
  schedule_id uuid not null references burden_schedules (id) on delete cascade,
  due_on date not null,
  tenant_key text not null,
  sent_at timestamptz not null,
  primary key (schedule_id, due_on)
);

-- An overload signal: a heavy score or a rise, routed to the care organisation (when the
-- caregiver shared the result) or to the municipality's caregiver support centre.
create table burden_signals (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  member_id uuid not null references circle_members (id) on delete cascade,
  response_id uuid not null references burden_responses (id) on delete cascade,
  -- a newer check while the signal is still open updates the signal instead of adding one
  latest_response_id uuid not null references burden_responses (id) on delete cascade,
  reasons text[] not null check (cardinality(reasons) between 1 and 2 and reasons <@ array['heavy_score', 'rise']::text[]),
  total int not null,
  previous_total int,
  organisation_id uuid references organisations (id) on delete set null,
  -- professional: the organisation of the responsible professional (shared, or taken in a conversation)
  routed_to text not null check (routed_to in ('professional', 'support_centre', 'municipality', 'none')),
  assigned_user_id uuid references users (id) on delete set null,
  status text not null default 'open' check (status in ('open', 'contacted', 'plan_agreed', 'closed')),
  created_at timestamptz not null,
  -- the first action or status change: time to first follow-up = first_follow_up_at - created_at
  first_follow_up_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null
);
create index burden_signals_org_idx on burden_signals (organisation_id, created_at desc);
create unique index burden_signals_one_unclosed on burden_signals (member_id) where status <> 'closed';
create index burden_signals_escalation_idx on burden_signals (created_at) where status = 'open' and escalated_at is null;

-- What happened to a signal: status changes, assignment, escalation, newer checks.
create table burden_signal_events (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  signal_id uuid not null references burden_signals (id) on delete cascade,
  kind text not null check (kind in ('created', 'status', 'assigned', 'escalated', 'new_check')),
  from_status text,
  to_status text,
  note text,
  user_id uuid references users (id) on delete set null,
  occurred_at timestamptz not null
);
create index burden_signal_events_signal_idx on burden_signal_events (signal_id, occurred_at);

-- Follow-up actions. A conversation is also a caregiver contact ("Hoe gaat het met u?").
create table burden_signal_actions (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  signal_id uuid not null references burden_signals (id) on delete cascade,
  kind text not null check (kind in ('conversation', 'respite', 'volunteer_help', 'referral', 'agreements_changed')),
  note text,
  occurred_at timestamptz not null,
  recorded_by uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null,
  contact_id uuid references caregiver_contacts (id) on delete set null,
  created_at timestamptz not null default now()
);
create index burden_signal_actions_signal_idx on burden_signal_actions (signal_id, occurred_at);

-- Background jobs (reminders, escalations): one row per job; an instance claims a due job
-- with FOR UPDATE SKIP LOCKED and a lease, so each run happens on one instance.
create table jobs (
  name text primary key,
  next_run_at timestamptz not null,
  locked_until timestamptz,
  locked_by text,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  last_result jsonb,
  runs int not null default 0
);
