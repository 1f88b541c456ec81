-- Account security (issue 13).
-- TOTP replay protection: the time-step (unix time / 30 s) of the last accepted code. A code
-- is accepted only for a later step, so an observed code cannot be used a second time.
alter table users add column totp_last_step bigint;

-- Opening a reset link cancels the account's other open links: find them quickly.
create index email_tokens_open_idx on email_tokens (user_id, purpose) where used_at is null;
