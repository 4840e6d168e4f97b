package app.backcoach.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Incoming;
import app.backcoach.chat.Incoming.Chat;
import app.backcoach.chat.Incoming.ChatKind;
import app.backcoach.chat.Incoming.Person;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The arrival's decoded copies: each with the fingerprint of its content, taken once, never kept for long. */
class DecodedUpdatesTest {

    private Instant now = Instant.parse("2026-12-07T08:00:00Z");
    private final DecodedUpdates decoded = new DecodedUpdates(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aCopyIsTakenOnceWithTheFingerprintOfTheContentItWasMadeFrom() {
        decoded.keep(1, "fingerprint-a", help(5), now);
        decoded.keep(2, "fingerprint-b", help(6), now.minusSeconds(1));

        assertThat(decoded.take(1)).isEqualTo(new DecodedUpdates.Copy("fingerprint-a", help(5), now));
        assertThat(decoded.take(1)).as("taken already").isNull();
        assertThat(decoded.take(2).receivedAt()).isEqualTo(now.minusSeconds(1));
        assertThat(decoded.size()).isZero();
    }

    @Test
    void copiesNoHandlingTookGoAfterAMinuteOrWhenTheLimitIsReached() {
        decoded.keep(1, "a", help(5), now);
        now = now.plusSeconds(30);
        decoded.keep(2, "b", help(5), now);
        now = now.plus(DecodedUpdates.KEPT).minusSeconds(10);

        decoded.forgetOld();

        assertThat(decoded.take(1)).isNull();
        assertThat(decoded.take(2).incoming()).isEqualTo(help(5));

        for (long id = 10; id < 10 + DecodedUpdates.LIMIT + 5; id++) {
            decoded.keep(id, "f", help(5), now);
        }
        assertThat(decoded.size()).isEqualTo(DecodedUpdates.LIMIT);
        assertThat(decoded.take(10)).as("the oldest made room").isNull();
        assertThat(decoded.take(10 + DecodedUpdates.LIMIT + 4)).isNotNull();
    }

    @Test
    void anErasedPersonsWaitingUpdatesAreForgotten() {
        decoded.keep(1, "a", help(5), now);
        decoded.keep(2, "b", help(6), now);

        decoded.forgetChat(5);

        assertThat(decoded.take(1)).isNull();
        assertThat(decoded.take(2).incoming()).isEqualTo(help(6));
    }

    private static Incoming help(long chat) {
        return new Incoming.CommandMessage(new Chat(chat, ChatKind.PRIVATE), new Person(chat, "en"), "help", "");
    }
}
