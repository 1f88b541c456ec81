-- Foundation: reference data, accounts, sessions, organisations, audit log, outbox.
-- Written for PostgreSQL 15 and PGlite (PostgreSQL 18) alike.

create table provinces (
  code text primary key check (code ~ '^PV[0-9]{2}$'),
  name text not null
);

create table municipalities (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  province_code text not null references provinces (code)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  email_verified_at timestamptz,
  -- self-chosen personas: caregiver, volunteer, client
  personas text[] not null default '{}',
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  municipality_code text references municipalities (code),
  is_platform_admin boolean not null default false,
  totp_secret text,
  totp_enabled_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- The cookie holds a random token; only its SHA-256 is stored, so a database leak
-- yields no usable sessions. Several app instances share these rows.
create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  mfa_verified boolean not null default false,
  user_agent text,
  ip text,
  ended_at timestamptz
);
create index sessions_user_idx on sessions (user_id) where ended_at is null;

-- One-time e-mail tokens: address verification and password reset (hashed).
create table email_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- Failed logins, counted per account and per IP over a sliding window.
create table login_failures (
  id bigserial primary key,
  bucket text not null,
  occurred_at timestamptz not null default now()
);
create index login_failures_bucket_idx on login_failures (bucket, occurred_at);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('care_provider', 'welfare', 'volunteer', 'municipality', 'programme_office')),
  sector text check (sector in ('elderly_care', 'disability_care', 'mental_health', 'hospital_rehabilitation', 'home_care', 'primary_care')),
  name text not null,
  -- the municipality an organisation works in (its tenant key); for a municipality its own code
  municipality_code text references municipalities (code),
  -- a learning practice (lerende praktijk) the organisation takes part in, free text for now
  region text,
  created_at timestamptz not null default now(),
  check ((kind = 'care_provider') = (sector is not null)),
  check (kind <> 'municipality' or municipality_code is not null)
);
create unique index organisations_one_per_municipality on organisations (municipality_code) where kind = 'municipality';

create table memberships (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('professional', 'coordinator', 'policy', 'org_admin', 'volunteer')),
  job_title text,
  created_at timestamptz not null default now(),
  unique (organisation_id, user_id, role)
);
create index memberships_user_idx on memberships (user_id);

create table staff_invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  email text not null,
  role text not null check (role in ('professional', 'coordinator', 'policy', 'org_admin', 'volunteer')),
  job_title text,
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index staff_invitations_org_idx on staff_invitations (organisation_id);

-- NEN 7513 access log. Append-only: a trigger refuses UPDATE and DELETE; the log outlives
-- erasure of the person it is about (no foreign keys on purpose).
create table audit_log (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  -- what happened: read, search, create, update, delete, login, …
  action text not null,
  resource_type text not null,
  resource_id text,
  -- the client whose record was touched, and the tenant key (municipality) of that client
  client_id uuid,
  tenant_key text,
  -- who did it, and for whom (NEN 7513: the responsible user the user acted for)
  user_id uuid,
  user_display text,
  on_behalf_of_user_id uuid,
  organisation_id uuid,
  -- access point (IP) and source system (web, api, fhir, cli, job)
  access_point text,
  source_system text not null,
  outcome text not null default 'success' check (outcome in ('success', 'denied', 'error')),
  emergency boolean not null default false,
  detail jsonb not null default '{}'
);
create index audit_log_client_idx on audit_log (client_id, occurred_at desc) where client_id is not null;
create index audit_log_user_idx on audit_log (user_id, occurred_at desc);
create index audit_log_time_idx on audit_log (occurred_at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- Outgoing mail. Every message is written here first (in the same transaction as the
-- change that causes it); a sender delivers it over SMTP when configured. Without SMTP the
-- outbox is what an administrator reads in the app.
create table outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts int not null default 0,
  last_error text,
  locked_until timestamptz
);
create index outbox_pending_idx on outbox (created_at) where sent_at is null;

-- Small key/value store for installation facts (e.g. whether demo data was seeded).
create table installation (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
