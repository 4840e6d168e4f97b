-- Messages that must not outlive their delivery (the confirmation that a user's data was erased).
ALTER TABLE outbox_message ADD COLUMN ephemeral BOOLEAN NOT NULL DEFAULT FALSE;
