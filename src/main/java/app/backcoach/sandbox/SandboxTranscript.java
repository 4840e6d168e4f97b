package app.backcoach.sandbox;

import app.backcoach.intake.InboxService;
import app.backcoach.personal.PersonalData;
import app.backcoach.sandbox.SandboxChat.Message;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the sandbox page shows, kept in the database so a restart shows the recent conversation
 * again: 7 days, like the outbox. Also where the stand-in learns which ids it already handed out,
 * because Telegram's update and message ids only ever rise.
 */
@ApplicationScoped
@Transactional
public class SandboxTranscript implements PersonalData {

    static final Duration KEPT = Duration.ofDays(7);

    /** A message with its file (a photo or document), if it has one. */
    record Stored(long chatId, Message message, String fileId, SandboxBotApi.StoredFile file) {
    }

    /** Where numbering goes on after a restart. */
    record Counters(long lastUpdateId, long lastMessageId) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final InboxService inbox;
    private final SandboxMode mode;

    public SandboxTranscript(Clock clock, InboxService inbox, SandboxMode mode) {
        this.clock = clock;
        this.inbox = inbox;
        this.mode = mode;
    }

    /** Forgets what is older than {@link #KEPT}, then returns the rest in order. */
    public List<Stored> recent() {
        Instant cutoff = forgetOld();
        return SandboxMessage.since(cutoff).stream().map(this::toStored).toList();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWhileRunning() {
        if (mode.active()) {
            forgetOld();
        }
    }

    private Instant forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        SandboxMessage.delete("createdAt < ?1", cutoff);
        return cutoff;
    }

    public Counters counters() {
        return new Counters(inbox.highestUpdateId(), SandboxMessage.highestMessageId());
    }

    public void save(long chatId, Message message, String fileId, SandboxBotApi.StoredFile file) {
        SandboxMessage row = SandboxMessage.findById(message.id());
        if (row == null) {
            row = new SandboxMessage();
            row.messageId = message.id();
            row.chatId = chatId;
            row.createdAt = clock.instant();
            if (file != null) {
                row.fileId = fileId;
                row.fileBytes = file.bytes();
                row.fileType = file.contentType();
                row.fileName = file.fileName();
            }
            row.content = write(message);
            row.persist();
        } else {
            row.content = write(message);
        }
    }

    public void remove(long messageId) {
        SandboxMessage.deleteById(messageId);
    }

    // ------------------------------------------------------------------ /export and /delete

    @Override
    public String section() {
        return "sandboxChat";
    }

    @Override
    public Object export(long userId) {
        return SandboxMessage.<SandboxMessage>list("chatId = ?1 order by messageId", userId).stream()
                .map(row -> toStored(row).message())
                .toList();
    }

    @Override
    public void erase(long userId) {
        SandboxMessage.delete("chatId", userId);
    }

    private Stored toStored(SandboxMessage row) {
        try {
            SandboxBotApi.StoredFile file = row.fileBytes == null ? null
                    : new SandboxBotApi.StoredFile(row.fileBytes, row.fileType, row.fileName);
            return new Stored(row.chatId, json.readValue(row.content, Message.class), row.fileId, file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sandbox message " + row.messageId + " cannot be read", e);
        }
    }

    private String write(Message message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
