package app.backcoach.profile;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** /pause [3d | 1w …]: without a length, asks with buttons; the buttons are handled here too. */
@ApplicationScoped
public class PauseCommand implements Command, ButtonAction {

    static final String PREFIX = "pause";
    private static final Map<String, Duration> BUTTONS = Map.of("1d", Duration.ofDays(1), "3d", Duration.ofDays(3),
            "1w", Duration.ofDays(7));
    private static final String UNTIL_RESUMED = "open";

    private final PauseService pauses;
    private final ProfileService profiles;
    private final MessageSender sender;
    private final Texts texts;

    public PauseCommand(PauseService pauses, ProfileService profiles, MessageSender sender, Texts texts) {
        this.pauses = pauses;
        this.profiles = profiles;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CommandName name() {
        return CommandName.PAUSE;
    }

    @Override
    public void execute(CommandContext context) {
        String language = context.languageCode();
        if (profiles.find(context.userId()).isEmpty()) {
            sender.send(context.chatId(), texts.get(language, "pause.no-profile"));
            return;
        }
        if (context.arguments().isBlank()) {
            sender.send(context.chatId(), texts.get(language, "pause.ask"), Keyboard.of(java.util.List.of(
                    java.util.List.of(button(language, "1d"), button(language, "3d"), button(language, "1w")),
                    java.util.List.of(button(language, UNTIL_RESUMED)))));
            return;
        }
        Optional<Duration> length = PauseLength.read(context.arguments());
        if (length.isEmpty()) {
            sender.send(context.chatId(), texts.get(language, "pause.unreadable", "typed", context.arguments()));
            return;
        }
        confirm(context.chatId(), context.userId(), language, length.get(), null);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public boolean accepts(String argument) {
        return BUTTONS.containsKey(argument) || UNTIL_RESUMED.equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        confirm(tap.chat().id(), tap.from().userId(), tap.from().languageCode(), BUTTONS.get(argument), tap.messageId());
        return Optional.empty();
    }

    private void confirm(long chatId, long userId, String language, Duration length, Long messageId) {
        Optional<Instant> until = pauses.pause(userId, length);
        if (until.isEmpty()) {
            sender.send(chatId, texts.get(language, "pause.no-profile"));
            return;
        }
        String text = until.get().equals(PauseService.UNTIL_RESUMED)
                ? texts.get(language, "pause.done-open")
                : texts.get(language, "pause.done", "until", localTime(userId, until.get(), language));
        sender.replace(chatId, messageId, text, null);
    }

    private String localTime(long userId, Instant instant, String language) {
        ZoneId zone = profiles.find(userId).map(p -> ZoneId.of(p.timeZone)).orElse(ZoneId.of("UTC"));
        return DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.forLanguageTag(language == null ? "en" : language))
                .format(instant.atZone(zone));
    }

    private Keyboard.Button button(String language, String value) {
        return new CallbackData(PREFIX, value).button(texts.get(language, "pause.button." + value));
    }
}
