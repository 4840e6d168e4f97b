-- Reminders and prompts rest until then (9999-12-31 when paused until /resume).
ALTER TABLE user_profile ADD COLUMN paused_until DATETIME(6) NULL;
