-- Issue 15: the professional client list as a read model on the link row.
--
-- A page of an organisation's client list (sorted by name, with the total) had to find every
-- visible client first: for each of 1,473 active links the client row (for the name) and the
-- newest consent decision (an anti-join), 15 ms of PostgreSQL a page at 1,000,000 caregivers.
-- The link now carries what the list sorts and filters on, kept by triggers:
--
--   sort_family, sort_given   lower(family_name), lower(given_name) of the client
--   consent_seq               seq of the organisation's newest consent decision for the client
--   consent_decision          its decision ('permit' / 'deny'); null: none yet
--   consent_valid_until       its end date
--
-- so a page and its total come from one range of the index below. `current_consents` stays
-- the truth for every access check; this copy serves the list only, and
-- caseload/read-model.int.test.ts compares the two.
--
-- Both consent triggers take a transaction-scoped advisory lock on (client, organisation), so
-- a link made at the same moment as a decision for the same pair cannot miss it: whichever
-- commits second reads what the first wrote. A decision updates a link only when it is newer
-- (consent_seq), so decisions committing out of order cannot leave an older one in place.

alter table client_organisation_links
  add column sort_family text,
  add column sort_given text,
  add column consent_seq bigint,
  add column consent_decision text,
  add column consent_valid_until date;

update client_organisation_links l set sort_family = lower(c.family_name), sort_given = lower(c.given_name)
  from clients c where c.id = l.client_id;

update client_organisation_links l set consent_seq = d.seq, consent_decision = d.decision, consent_valid_until = d.valid_until
  from current_consents d where d.client_id = l.client_id and d.organisation_id = l.organisation_id;

alter table client_organisation_links alter column sort_family set not null, alter column sort_given set not null;

create index client_org_links_caseload_idx on client_organisation_links
  (organisation_id, sort_family, sort_given, client_id) include (consent_decision, consent_valid_until, created_at)
  where ended_at is null;

create function caseload_pair_lock(client uuid, organisation uuid) returns void language sql as $$
  select pg_advisory_xact_lock(hashtextextended(client::text || organisation::text, 15))
$$;

-- A new link: the client's name and the organisation's newest decision.
create function client_org_links_fill() returns trigger language plpgsql as $$
begin
  perform caseload_pair_lock(new.client_id, new.organisation_id);
  select lower(c.family_name), lower(c.given_name) into new.sort_family, new.sort_given from clients c where c.id = new.client_id;
  select d.seq, d.decision, d.valid_until into new.consent_seq, new.consent_decision, new.consent_valid_until
    from consent_decisions d where d.client_id = new.client_id and d.organisation_id = new.organisation_id
    order by d.seq desc limit 1;
  return new;
end
$$;
create trigger client_org_links_fill before insert on client_organisation_links
  for each row execute function client_org_links_fill();

-- A new decision of an organisation: onto its links with the client, when it is the newest.
create function consent_decisions_to_links() returns trigger language plpgsql as $$
begin
  perform caseload_pair_lock(new.client_id, new.organisation_id);
  update client_organisation_links
     set consent_seq = new.seq, consent_decision = new.decision, consent_valid_until = new.valid_until
   where client_id = new.client_id and organisation_id = new.organisation_id
     and (consent_seq is null or consent_seq < new.seq);
  return null;
end
$$;
create trigger consent_decisions_to_links after insert on consent_decisions
  for each row when (new.organisation_id is not null) execute function consent_decisions_to_links();

-- A renamed client: the sort key of its links.
create function clients_sort_to_links() returns trigger language plpgsql as $$
begin
  update client_organisation_links set sort_family = lower(new.family_name), sort_given = lower(new.given_name)
   where client_id = new.id;
  return null;
end
$$;
create trigger clients_sort_to_links after update of given_name, family_name on clients
  for each row when (old.given_name is distinct from new.given_name or old.family_name is distinct from new.family_name)
  execute function clients_sort_to_links();

-- Statistics for the new columns, so the planner uses the index at once.
analyze client_organisation_links;
