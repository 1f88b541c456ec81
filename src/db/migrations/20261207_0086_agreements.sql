-- Agreements on who does what in a client's circle, and the boundaries of caregiver tasks (issue 16).
-- The task catalogue is shipped as data (data/task-catalogue.json); organisations mark codes risky or
-- reserved beyond or instead of its default in organisation_task_risks. An agreement keeps the risk
-- that applied when the task was assigned (risk), and the boundary steps a professional of a linked
-- organisation recorded: instruction (by whom, on which day), competence, sign-off.
create table organisation_task_risks (
  organisation_id uuid not null references organisations (id) on delete cascade,
  task_code text not null check (length(task_code) between 1 and 60),
  risk text not null check (risk in ('none', 'risky', 'reserved')),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, task_code)
);

create table agreements (
  id uuid primary key default gen_random_uuid(),
  tenant_key text not null,
  client_id uuid not null references clients (id) on delete cascade,
  task_code text check (task_code is null or length(task_code) between 1 and 60),
  task_text text check (task_text is null or length(task_text) between 1 and 200),
  member_user_id uuid references users (id) on delete set null,
  member_name text check (member_name is null or length(member_name) between 1 and 200),
  recurrence jsonb,
  since date,
  until date,
  review_date date,
  notes text check (notes is null or length(notes) <= 2000),
  risk text not null default 'none' check (risk in ('none', 'risky', 'reserved')),
  instruction_by text check (instruction_by is null or length(instruction_by) between 1 and 200),
  instruction_on date,
  instruction_recorded_by uuid references users (id) on delete set null,
  competence_by uuid references users (id) on delete set null,
  competence_at timestamptz,
  signoff_by uuid references users (id) on delete set null,
  signoff_at timestamptz,
  reviewed_by uuid references users (id) on delete set null,
  reviewed_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (task_code is not null or task_text is not null),
  check (until is null or since is null or until >= since)
);
create index agreements_client_idx on agreements (client_id, created_at);
create index agreements_review_idx on agreements (review_date) where review_date is not null;
create index agreements_member_idx on agreements (member_user_id);
