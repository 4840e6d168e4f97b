-- A send is marked in flight (SENDING) before the call, so a crash during it is seen afterwards.
-- floor_message_id: the highest message id known in the (private) chat when the send first went
-- out; message ids there rise by one per message, so a resend tells whether the first one arrived.
ALTER TABLE outbox_message
    ADD COLUMN floor_message_id BIGINT NULL,
    ADD COLUMN check_duplicate BOOLEAN NOT NULL DEFAULT FALSE;

-- The id of the person's message in an update, so a resend can tell their messages from ours.
ALTER TABLE inbox_update ADD COLUMN message_id BIGINT NULL;

-- When /delete asked "erase everything?"; only an open question may be answered.
ALTER TABLE bot_user ADD COLUMN erase_asked_at DATETIME(6) NULL;
