-- Whether a response points at an instrument version (asked when a shipped instrument file
-- changed, see isVersionUsed): without an index PostgreSQL read all 1.4 million
-- checks for a version nobody answered (317 ms at 1,000,000 caregivers).
create index burden_responses_version_idx on burden_responses (instrument_version_id);
