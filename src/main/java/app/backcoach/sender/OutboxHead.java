package app.backcoach.sender;

import java.time.Instant;

/**
 * A lane head as the dispatcher reads it: the columns delivery needs, read as plain values (no entity,
 * nothing for a persistence context to track), and how many unfinished messages of the chat wait behind it.
 */
record OutboxHead(long id, long chatId, String kind, OutboxStatus status, int attempts, Long floorMessageId,
                  boolean checkDuplicate, boolean ephemeral, Instant createdAt, String payload, long behind) {
}
