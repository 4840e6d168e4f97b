-- The leadership epoch under which a message went out: after a change of leader, what the deposed
-- leader sent can be told apart from its successor's work.
ALTER TABLE outbox_message ADD COLUMN sent_epoch BIGINT NULL;
