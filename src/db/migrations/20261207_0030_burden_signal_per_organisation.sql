-- Burden signals (issue 13): one unclosed signal per caregiver *and receiving organisation*,
-- instead of one per caregiver. A result goes to the organisation it may reach: a shared
-- result to the linked care organisation, an unshared one to the municipality's caregiver
-- support centre. With one signal per caregiver, an unshared result was added to the care
-- organisation's open signal (and shown there), and a shared one to the support centre's.
drop index burden_signals_one_unclosed;
create unique index burden_signals_one_unclosed on burden_signals (member_id, organisation_id) nulls not distinct where status <> 'closed';
