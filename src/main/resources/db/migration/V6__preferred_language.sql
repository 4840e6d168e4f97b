-- The language chosen in /settings; null follows Telegram's language_code.
ALTER TABLE bot_user ADD COLUMN preferred_language VARCHAR(8) NULL;
