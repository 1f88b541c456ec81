-- Personal API tokens (Authorization: Bearer …) for record systems and FHIR clients.
-- Only the SHA-256 of a token is stored. A token made in a session that passed the second
-- factor carries that assurance; it ends at its expiry date or when revoked.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  mfa_verified boolean not null default false,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);
