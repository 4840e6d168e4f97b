-- The sender reads a chat's highest message id (and the person's ids after a floor) before new messages.
CREATE INDEX ix_inbox_update_chat_message ON inbox_update (chat_id, message_id);
