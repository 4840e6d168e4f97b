-- When the weekly review comes: a day and a local time, or both null for "only on /progress".
ALTER TABLE user_profile ADD COLUMN review_day VARCHAR(3) NULL, ADD COLUMN review_time TIME NULL;
UPDATE user_profile SET review_day = 'sun', review_time = '18:00:00';
