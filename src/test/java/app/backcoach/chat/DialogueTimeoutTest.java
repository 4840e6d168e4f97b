package app.backcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.MovableClock;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dialogue left open past its timeout ends with a word, not in silence. */
@QuarkusTest
class DialogueTimeoutTest {

    @AfterEach
    void putTheClockBack() {
        MovableClock.reset();
    }

    @Test
    void aTapOnAQuestionLeftOpenTooLongSaysItClosedAndEndsTheDialogue() {
        ChatScreen chat = People.startedAndAgreed();
        JsonNode question = chat.awaitButtons("dlg:rf.");
        long messageId = question.path("message_id").asLong();

        MovableClock.advance(Duration.ofDays(8));
        chat.tap("Safety check · 1 of 5", no(chat, question));

        JsonNode closed = chat.awaitMessage("stayed open too long");
        assertThat(closed.path("message_id").asLong()).as("said in place of the question").isEqualTo(messageId);
        assertThat(chat.buttons(closed)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> DialogueState.findByIdOptional(chat.chatId())))
                .as("the dialogue has ended").isEmpty();
    }

    private static String no(ChatScreen chat, JsonNode question) {
        return chat.buttons(question).stream().filter(data -> data.startsWith("dlg:rf.") && data.endsWith(".no"))
                .findFirst().orElseThrow();
    }

    @Test
    void withinItsTimeTheSameTapAnswersTheQuestion() {
        ChatScreen chat = People.startedAndAgreed();
        JsonNode question = chat.awaitButtons("dlg:rf.");

        MovableClock.advance(Duration.ofDays(6));
        chat.tap("Safety check · 1 of 5", no(chat, question));

        chat.awaitMessage("Safety check · 2 of 5");
    }
}
