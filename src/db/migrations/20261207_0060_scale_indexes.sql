-- Indexes found missing by the benchmark at 1,000,000 caregivers (issue 15, bench/README.md).

-- A caregiver's checks of every status (her own page lists results and drafts together): the
-- partial indexes per status cannot serve `status = any(...)`, so PostgreSQL read all 1.4
-- million checks (320 ms) for each caregiver home page.
create index burden_responses_member_all_idx on burden_responses (member_id);

-- An organisation's active links, newest first: a page of the client list comes from the
-- index instead of a scan and sort of every link (64 ms at 466,000 links).
create index client_org_links_org_created_idx on client_organisation_links (organisation_id, created_at desc) where ended_at is null;
