package app.backcoach.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Incoming;
import app.backcoach.chat.Incoming.Chat;
import app.backcoach.chat.Incoming.ChatKind;
import app.backcoach.chat.Incoming.Person;
import app.backcoach.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The arrival's decoded copies: each with the fingerprint of its content, taken once, never kept for long. */
class DecodedUpdatesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final DecodedUpdates decoded = new DecodedUpdates(clock);

    @Test
    void aCopyIsTakenOnceWithTheFingerprintOfTheContentItWasMadeFrom() {
        Instant now = clock.instant();
        decoded.keep(1, "fingerprint-a", help(5), now);
        decoded.keep(2, "fingerprint-b", help(6), now.minusSeconds(1));

        assertThat(decoded.take(1)).isEqualTo(new DecodedUpdates.Copy("fingerprint-a", help(5), now));
        assertThat(decoded.take(1)).as("taken already").isNull();
        assertThat(decoded.take(2).receivedAt()).isEqualTo(now.minusSeconds(1));
        assertThat(decoded.size()).isZero();
    }

    @Test
    void copiesNoHandlingTookGoAfterAMinuteOrWhenTheLimitIsReached() {
        decoded.keep(1, "a", help(5), clock.instant());
        clock.advance(Duration.ofSeconds(30));
        decoded.keep(2, "b", help(5), clock.instant());
        clock.advance(DecodedUpdates.KEPT.minusSeconds(10));

        decoded.forgetOld();

        assertThat(decoded.take(1)).isNull();
        assertThat(decoded.take(2).incoming()).isEqualTo(help(5));

        for (long id = 10; id < 10 + DecodedUpdates.LIMIT + 5; id++) {
            decoded.keep(id, "f", help(5), clock.instant());
        }
        assertThat(decoded.size()).isEqualTo(DecodedUpdates.LIMIT);
        assertThat(decoded.take(10)).as("the oldest made room").isNull();
        assertThat(decoded.take(10 + DecodedUpdates.LIMIT + 4)).isNotNull();
    }

    @Test
    void anErasedPersonsWaitingUpdatesAreForgotten() {
        decoded.keep(1, "a", help(5), clock.instant());
        decoded.keep(2, "b", help(6), clock.instant());

        decoded.forgetChat(5);

        assertThat(decoded.take(1)).isNull();
        assertThat(decoded.take(2).incoming()).isEqualTo(help(6));
    }

    private static Incoming help(long chat) {
        return new Incoming.CommandMessage(new Chat(chat, ChatKind.PRIVATE), new Person(chat, "en"), "help", "");
    }
}
