package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The copies of what this instance wrote to the outbox: by content, without files, and erasable. */
class WrittenMessagesTest {

    private final WrittenMessages written = new WrittenMessages(Clock.systemUTC());

    @Test
    void aCopyStandsOnlyForThePayloadItWasWrittenAs() {
        Outbound text = new Outbound.Text(5, "hello", null);
        written.keep("{\"text\":\"hello\"}", text);

        assertThat(written.take("{\"text\":\"hello!\"}")).isNull();
        assertThat(written.take("{\"text\":\"hello\"}")).isSameAs(text);
        assertThat(written.take("{\"text\":\"hello\"}")).as("taken already").isNull();
        assertThat(written.take(null)).as("an erased row's payload").isNull();
    }

    @Test
    void filesAreNotKept() {
        written.keep("document", new Outbound.Document(5, "export.json", new byte[] {1, 2}, null));
        written.keep("photo", new Outbound.Photo(5, "chart.png", new byte[] {1, 2}, null));

        assertThat(written.size()).isZero();
    }

    @Test
    void anErasedPersonsUnsentMessagesAreForgotten() {
        written.keep("to 5", new Outbound.Text(5, "a", null));
        written.keep("to 6", new Outbound.Text(6, "b", null));

        written.forgetChat(5);

        assertThat(written.take("to 5")).isNull();
        assertThat(written.take("to 6")).isEqualTo(new Outbound.Text(6, "b", null));
    }
}
