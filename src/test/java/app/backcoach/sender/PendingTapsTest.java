package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PendingTapsTest {

    private long now = 1_000_000_000L;
    private final PendingTaps taps = new PendingTaps(() -> now);

    private void pass(Duration duration) {
        now += duration.toNanos();
    }

    @Test
    void aTapIsClaimedOnceUntilItsAnswerCertainlyFailed() {
        taps.received("q1", 7);

        assertThat(taps.claim("q1", 7)).isTrue();
        assertThat(taps.claim("q1", 7)).isFalse();
        taps.release("q1");
        assertThat(taps.claim("q1", 7)).isTrue();
    }

    @Test
    void theWatchdogSeesOnlyUnclaimedTapsOfTheAgesItAsksFor() {
        taps.received("old", 1);
        pass(Duration.ofSeconds(9));
        taps.received("young", 2);
        taps.received("claimed", 3);
        taps.claim("claimed", 3);
        pass(Duration.ofSeconds(1));

        assertThat(taps.unansweredAged(Duration.ofSeconds(8), Duration.ofSeconds(14)))
                .extracting(PendingTaps.Tap::queryId).containsExactly("old");
        assertThat(taps.age("young")).contains(Duration.ofSeconds(1));
    }

    @Test
    void tapsAreForgottenAfterAMinuteClaimedOrNot() {
        taps.received("answered", 1);
        taps.claim("answered", 1);
        taps.received("unanswered", 2);
        taps.claim("from another instance", 3); // claimed here first: timed from now
        pass(Duration.ofSeconds(30));
        taps.received("recent", 4);
        pass(PendingTaps.KEEP.minusSeconds(29));

        taps.received("new", 5);

        assertThat(taps.age("answered")).isEmpty();
        assertThat(taps.age("unanswered")).isEmpty();
        assertThat(taps.age("from another instance")).isEmpty();
        assertThat(taps.age("recent")).contains(PendingTaps.KEEP.minusSeconds(29));
        assertThat(taps.size()).isEqualTo(2);
        // Forgotten, a tap is one this process never saw: claimed by the first who asks.
        assertThat(taps.claim("answered", 1)).isTrue();
    }
}
