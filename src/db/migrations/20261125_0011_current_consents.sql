-- The newest consent decision per member or organisation, written so that a filter on
-- member_id / organisation_id / client_id is pushed into the scan (DISTINCT ON blocked
-- that, and a search over thousands of clients recomputed the whole view per row:
-- measured 2.3 s → see bench/run.ts). An expression index serves the "is there a newer
-- decision" check.
create index consent_decisions_subject_idx on consent_decisions (client_id, (coalesce(member_id, organisation_id)), seq);
create index consent_decisions_member_idx on consent_decisions (member_id) where member_id is not null;
create index consent_decisions_org_idx on consent_decisions (organisation_id, client_id) where organisation_id is not null;

create or replace view current_consents as
  select d.*
  from consent_decisions d
  where not exists (
    select 1 from consent_decisions n
    where n.client_id = d.client_id
      and coalesce(n.member_id, n.organisation_id) = coalesce(d.member_id, d.organisation_id)
      and n.seq > d.seq
  );
