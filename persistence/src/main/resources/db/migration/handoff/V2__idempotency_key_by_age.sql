-- Idempotency keys are remembered for 24 hours; the entries past that are deleted oldest first,
-- a batch at a time, read from this index (ForgetIdempotencyKeys).
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
