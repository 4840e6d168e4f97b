-- The message an edit changes (null for anything else), so the last edit of a message is one indexed row
-- (OutboxStore.repeatsLastEdit) instead of a look through the chat's recent edits and their JSON.
ALTER TABLE outbox_message
    ADD COLUMN target_message_id BIGINT NULL,
    ADD INDEX ix_outbox_message_edit_target (chat_id, target_message_id, id);

-- Edits stored before: the target is the payload's messageId (Outbound.EditText / EditKeyboard as JSON).
UPDATE outbox_message SET target_message_id = JSON_VALUE(payload, '$.messageId')
WHERE kind IN ('EditText', 'EditKeyboard') AND payload IS NOT NULL;
