package app.backcoach.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.testing.FakeBotApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two Bot API stand-ins share no code (the tests' fake is the judge of the sender, so it has its own HTML
 * parser), which is why this table holds them to the same answers: what Telegram accepts, both accept; what it
 * refuses, both refuse.
 */
class StandInsAgreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final FakeBotApi FAKE = new FakeBotApi();
    private static final SandboxBotApi SANDBOX = new SandboxBotApi(new SandboxEvents(), null,
            new SandboxMode(Optional.of(FakeBotApi.TOKEN), 8080, 8081), Clock.systemUTC());
    /** The sandbox's own people, taken in turn so its pacing (4 a second per chat) does not answer first. */
    private static final long[] CHATS = {1001, 1002, 1003};
    private static int turn;

    @BeforeAll
    static void start() {
        FAKE.start();
    }

    @AfterAll
    static void stop() {
        FAKE.stop();
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("plain text", text("Good morning", null), true),
                Arguments.of("HTML tags Telegram knows", text("<b>Bird dog</b>, <i>slowly</i>, <u>u</u>, <s>s</s>", "HTML"), true),
                Arguments.of("a link", text("<a href=\"https://example.org/x?a=1&amp;b=2\">more</a>", "HTML"), true),
                Arguments.of("spoiler and code", text("<tg-spoiler>a</tg-spoiler> <span class=\"tg-spoiler\">b</span> <code>c</code>", "HTML"), true),
                Arguments.of("escaped characters", text("pain &lt; 5 &amp; stiffness &gt; 30 min", "HTML"), true),
                Arguments.of("a tag Telegram does not know", text("<div>x</div>", "HTML"), false),
                Arguments.of("an unclosed tag", text("<b>x", "HTML"), false),
                Arguments.of("tags crossed", text("<b><i>x</b></i>", "HTML"), false),
                Arguments.of("a bare <", text("pain < 5", "HTML"), false),
                Arguments.of("empty", text("", null), false),
                Arguments.of("4096 characters", text("x".repeat(4096), null), true),
                Arguments.of("4097 characters", text("x".repeat(4097), null), false),
                Arguments.of("4096 after entities", text("&lt;".repeat(4096), "HTML"), true),
                Arguments.of("4097 after entities", text("&lt;".repeat(4097), "HTML"), false),
                Arguments.of("callback data of 64 bytes", withButton("d".repeat(64)), true),
                Arguments.of("callback data of 65 bytes", withButton("d".repeat(65)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void bothAnswerAsTelegramWould(String name, ObjectNode message, boolean accepted) throws Exception {
        long chat = CHATS[turn++ % CHATS.length];
        message.put("chat_id", chat);

        int sandbox = SANDBOX.call("sendmessage", message).status();
        int fake = HTTP.send(HttpRequest.newBuilder(URI.create(FAKE.baseUrl() + "/bot" + FakeBotApi.TOKEN + "/sendMessage"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(fake).as("the fake").isEqualTo(accepted ? 200 : 400);
        assertThat(sandbox).as("the sandbox").isEqualTo(accepted ? 200 : 400);
    }

    private static ObjectNode text(String text, String parseMode) {
        ObjectNode message = JSON.createObjectNode().put("text", text);
        if (parseMode != null) {
            message.put("parse_mode", parseMode);
        }
        return message;
    }

    private static ObjectNode withButton(String data) {
        ObjectNode message = text("Pick one", null);
        message.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
                .put("text", "A").put("callback_data", data);
        return message;
    }
}
