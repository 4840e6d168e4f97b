package app.backcoach.learn;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Short lessons, so people learn enough to adjust on their own: /learn lists them, and every few
 * days after a check-in one unread lesson is offered (never more than one a day). Texts are in the
 * message bundles ({@code lesson.<id>.title} and {@code .text}).
 */
@ApplicationScoped
@Transactional
public class Lessons implements ButtonAction {

    /** In the order they are offered. */
    static final List<String> ALL = List.of("precision", "pre-pain", "partners", "recovery", "pencil");
    /** Days between offers after check-ins. */
    static final Duration OFFER_EVERY = Duration.ofDays(3);
    private static final String PREFIX = "learn";

    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;

    public Lessons(MessageSender sender, Texts texts, Clock clock) {
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
    }

    /** /learn: every lesson, unread ones first marked. */
    public void list(long chatId, long userId, String language) {
        Set<String> read = LessonLog.of(userId).stream().filter(log -> log.readAt != null).map(log -> log.lesson)
                .collect(Collectors.toSet());
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        for (String lesson : ALL) {
            String title = texts.get(language, "lesson." + lesson + ".title");
            rows.add(List.of(new CallbackData(PREFIX, lesson).button(read.contains(lesson) ? "✓ " + title : title)));
        }
        sender.send(chatId, texts.get(language, "lesson.menu"), Keyboard.of(rows));
    }

    /** After a check-in: the next unread lesson, if none was offered in the last few days. */
    public void maybeOffer(long chatId, long userId, String language) {
        Instant now = clock.instant();
        List<LessonLog> logs = LessonLog.of(userId);
        boolean recent = logs.stream().anyMatch(log -> log.offeredAt != null
                && log.offeredAt.isAfter(now.minus(OFFER_EVERY)));
        Set<String> seen = logs.stream().filter(log -> log.offeredAt != null || log.readAt != null)
                .map(log -> log.lesson).collect(Collectors.toSet());
        Optional<String> next = ALL.stream().filter(lesson -> !seen.contains(lesson)).findFirst();
        if (recent || next.isEmpty()) {
            return;
        }
        log(userId, next.get()).offeredAt = now;
        sender.send(chatId, texts.get(language, "lesson.offer", "title",
                        texts.get(language, "lesson." + next.get() + ".title")),
                Keyboard.singleRow(new CallbackData(PREFIX, next.get()).button(texts.get(language, "lesson.read"))));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return ALL.contains(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String lesson) {
        String language = tap.from().languageCode();
        LessonLog entry = log(tap.from().userId(), lesson);
        if (entry.readAt == null) {
            entry.readAt = clock.instant();
        }
        int index = ALL.indexOf(lesson);
        Keyboard next = index + 1 < ALL.size()
                ? Keyboard.singleRow(new CallbackData(PREFIX, ALL.get(index + 1)).button(texts.get(language,
                "lesson.next", "title", texts.get(language, "lesson." + ALL.get(index + 1) + ".title"))))
                : null;
        sender.send(tap.chat().id(), texts.get(language, "lesson." + lesson + ".title.html") + "\n\n"
                + texts.get(language, "lesson." + lesson + ".text"), next);
        return Optional.empty();
    }

    private LessonLog log(long userId, String lesson) {
        return LessonLog.of(userId, lesson).orElseGet(() -> {
            LessonLog created = new LessonLog();
            created.telegramUserId = userId;
            created.lesson = lesson;
            created.persist();
            return created;
        });
    }
}
