package app.backcoach.text;

import static app.backcoach.testing.Chats.awaitReply;
import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.CommandContainer;
import app.backcoach.chat.CommandName;
import app.backcoach.testing.FakeBotApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No text promises what is not built or denies what is: every value of every bundle is read for words that
 * say something is still being built or coming. The only texts allowed to say so are the answers for menu
 * entries without an implementation, and those must be unreachable while every command is built.
 */
@QuarkusTest
class TruthfulTextsTest {

    /** Words that announce something unbuilt (or deny something built), English and German. */
    static final Pattern UNBUILT = Pattern.compile("not built|being built|still building|under construction"
            + "|coming soon|on its way|will arrive|arrive soon|(?:isn’t|isn't|is not|aren’t|aren't|are not) ready yet"
            + "|not (?:available|working) yet|in a later version|noch nicht gebaut|noch im aufbau|im aufbau|in arbeit"
            + "|kommt bald|kommen bald|bald verfügbar|noch nicht verfügbar|demnächst|in einer späteren version",
            Pattern.CASE_INSENSITIVE);

    /** Shown only by CommandContainer and /help for a menu entry whose command has no implementation. */
    static final Map<String, String> ONLY_FOR_UNBUILT_COMMANDS = Map.of(
            "command.coming-soon", "CommandContainer answers it for a menu command without an implementation",
            "help.coming", "/help heads the list of menu commands without an implementation with it");

    private final Texts texts = new Texts();
    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    CommandContainer commands;

    @Test
    void noTextSaysSomethingIsStillBeingBuilt() {
        List<String> found = new ArrayList<>();
        for (String language : Texts.LANGUAGES) {
            ResourceBundle bundle = texts.bundle(language);
            for (String key : Collections.list(bundle.getKeys())) {
                Matcher m = UNBUILT.matcher(bundle.getString(key));
                if (m.find() && !ONLY_FOR_UNBUILT_COMMANDS.containsKey(key)) {
                    found.add(language + " " + key + ": “" + m.group() + "”");
                }
            }
        }
        assertThat(found).as("texts that promise something unbuilt or deny something built").isEmpty();
    }

    @Test
    void theScanCatchesThePhrasesItIsFor() {
        assertThat(List.of("The daily check-in and your exercise plan are still being built.",
                "Check-ins and exercise sessions are not built yet.", "Coming soon!", "Der Check-in ist noch im Aufbau.",
                "Das kommt bald.", "Check-ins sind noch nicht gebaut."))
                .allSatisfy(text -> assertThat(UNBUILT.matcher(text).find()).as(text).isTrue());
        assertThat(List.of("No plan yet today. /checkin takes about a minute.", "Bald geht es dir besser?"))
                .allSatisfy(text -> assertThat(UNBUILT.matcher(text).find()).as(text).isFalse());
    }

    /** Every command in the menu is built, so "coming soon" can never be shown. */
    @Test
    void theComingSoonTextsAreUnreachableBecauseEveryCommandIsBuilt() {
        assertThat(Arrays.stream(CommandName.values()).filter(name -> !commands.isAvailable(name)))
                .as("commands without an implementation: build them, or drop them from CommandName")
                .isEmpty();
        assertThat(ONLY_FOR_UNBUILT_COMMANDS).allSatisfy((key, reason) -> assertThat(texts.bundle("en").getString(key)).isNotBlank());

        long chat = newChat();
        fake.pushText(chat, "/help");
        assertThat(awaitReply(chat)).doesNotContain(texts.bundle("en").getString("help.coming").replaceAll("<[^>]+>", ""));
    }
}
