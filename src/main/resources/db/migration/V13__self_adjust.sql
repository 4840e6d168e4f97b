-- Self-adjust: after four weeks of regular check-ins people may choose the day's version themselves.
ALTER TABLE user_profile ADD COLUMN self_adjust BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN self_adjust_offered_at DATETIME(6) NULL;
ALTER TABLE daily_checkin ADD COLUMN chosen_version VARCHAR(16) NULL;
