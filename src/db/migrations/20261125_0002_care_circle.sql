-- Care circle: clients, members of their network, consent decisions, links with organisations,
-- invitations, notes, MantelScan conversations and contact moments.
-- Every table holds `tenant_key` = the client's municipality code (future Citus distribution
-- column); queries filter by client_id, which lives in one tenant.

create table clients (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null references municipalities (code),
  given_name text not null,
  family_name text not null,
  birth_date date,
  care_situation text,
  care_needs text[] not null default '{}',
  -- BSN only when a professional records it; never required
  bsn text check (bsn ~ '^[0-9]{9}$'),
  bsn_recorded_by uuid references users (id) on delete set null,
  -- the client's own account, when the client uses Mantelkring
  user_id uuid references users (id) on delete set null,
  -- who decides on access: the client, a legal representative, or the main caregiver when
  -- the client cannot decide (recorded as such)
  decider text not null default 'client' check (decider in ('client', 'representative', 'main_caregiver')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index clients_tenant_idx on clients (tenant_key);
create index clients_user_idx on clients (user_id) where user_id is not null;

create table circle_members (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  user_id uuid references users (id) on delete set null,
  kind text not null check (kind in ('caregiver', 'relative', 'friend', 'neighbour', 'volunteer', 'professional')),
  is_main_caregiver boolean not null default false,
  is_representative boolean not null default false,
  given_name text not null,
  family_name text not null default '',
  role_code text check (role_code ~ '^[0-9]{2}$'),
  relationship_code text,
  closeness text not null default 'middle' check (closeness in ('inner', 'middle', 'outer')),
  tie text not null default 'strong' check (tie in ('strong', 'weak', 'strained')),
  help_kinds text[] not null default '{}',
  hours_per_week numeric(5, 1) check (hours_per_week >= 0 and hours_per_week <= 168),
  availability text,
  since date,
  email text,
  phone text,
  organisation_id uuid references organisations (id) on delete set null,
  organisation_name text,
  job_title text,
  left_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not is_main_caregiver or kind = 'caregiver')
);
create index circle_members_client_idx on circle_members (client_id) where left_at is null;
create index circle_members_user_idx on circle_members (user_id) where user_id is not null and left_at is null;
create unique index circle_members_one_main on circle_members (client_id) where is_main_caregiver and left_at is null;
create unique index circle_members_one_account on circle_members (client_id, user_id) where user_id is not null and left_at is null;

create table client_organisation_links (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  ended_at timestamptz
);
create unique index client_org_links_active on client_organisation_links (client_id, organisation_id) where ended_at is null;
create index client_org_links_org_idx on client_organisation_links (organisation_id) where ended_at is null;

-- Every consent decision is kept (history); the newest per member or organisation counts.
create table consent_decisions (
  seq bigserial primary key,
  id uuid not null unique default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  member_id uuid references circle_members (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  decision text not null check (decision in ('permit', 'deny')),
  access_level text check (access_level in ('agenda', 'full', 'manage')),
  valid_until date,
  decided_as text not null check (decided_as in ('client', 'representative', 'main_caregiver')),
  recorded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  check (num_nonnulls(member_id, organisation_id) = 1),
  check (decision = 'deny' or access_level is not null)
);
create index consent_decisions_client_idx on consent_decisions (client_id, seq desc);

create view current_consents as
  select distinct on (client_id, coalesce(member_id, organisation_id)) *
  from consent_decisions
  order by client_id, coalesce(member_id, organisation_id), seq desc;

create table circle_invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  -- a member invitation points at the (placeholder) member; an organisation invitation has none
  member_id uuid references circle_members (id) on delete cascade,
  for_organisation boolean not null default false,
  email text,
  code_hash text not null unique,
  access_level text not null default 'agenda' check (access_level in ('agenda', 'full', 'manage')),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null,
  accepted_organisation_id uuid references organisations (id) on delete set null,
  revoked_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  check (for_organisation = (member_id is null))
);
create index circle_invitations_client_idx on circle_invitations (client_id);

create table circle_notes (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  author_user_id uuid references users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);
create index circle_notes_client_idx on circle_notes (client_id, created_at desc);

-- Contact moments between a professional and a caregiver ("Hoe gaat het met u?").
create table caregiver_contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  member_id uuid references circle_members (id) on delete set null,
  professional_user_id uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null,
  kind text not null check (kind in ('how_are_you', 'conversation', 'scan')),
  note text,
  occurred_at timestamptz not null default now()
);
create index caregiver_contacts_client_idx on caregiver_contacts (client_id, occurred_at desc);

-- MantelScan: a guided conversation, saved with a snapshot of the network.
create table mantelscans (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  caregiver_member_id uuid references circle_members (id) on delete set null,
  conducted_by uuid references users (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'completed')),
  step text not null default 'genogram',
  answers jsonb not null default '{}',
  advice text,
  agreements jsonb not null default '[]',
  network_snapshot jsonb,
  started_at timestamptz not null default now(),
  completed_at timestamptz
);
create index mantelscans_client_idx on mantelscans (client_id, started_at desc);
