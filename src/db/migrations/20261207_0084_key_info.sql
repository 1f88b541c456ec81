-- Key information of a client's circle (issue 16 part 6): key contacts, medication, emergency plan.
-- Add and remove only; every row belongs to one client (tenant_key = the client's municipality code).

create table key_contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  kind text not null check (kind in ('gp', 'pharmacy', 'case_manager', 'other')),
  name text not null,
  phone text,
  note text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index key_contacts_client_idx on key_contacts (client_id, created_at);

create table key_medications (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  name text not null,
  dose text,
  taken_when text,
  note text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index key_medications_client_idx on key_medications (client_id, created_at);

create table key_emergency_plan (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  task text not null,
  -- Who takes over when the main caregiver drops out: a circle member, or a name in free text.
  takeover_member_id uuid references circle_members (id) on delete set null,
  takeover_name text,
  note text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index key_emergency_plan_client_idx on key_emergency_plan (client_id, created_at);
