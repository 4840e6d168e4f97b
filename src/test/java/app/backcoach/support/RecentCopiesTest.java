package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Copies kept in memory: taken once, bounded in number and in age, and forgotten on demand. */
class RecentCopiesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final RecentCopies<String, Integer> copies = new RecentCopies<>(3, clock);

    @Test
    void aCopyIsTakenOnce() {
        copies.keep("a", 1);

        assertThat(copies.take("a")).isEqualTo(1);
        assertThat(copies.take("a")).isNull();
        assertThat(copies.take("never kept")).isNull();
    }

    @Test
    void theOldestMakeRoomAndTheOldGoOnTheSweep() {
        copies.keep("a", 1);
        copies.keep("b", 2);
        clock.advance(Duration.ofSeconds(30));
        copies.keep("c", 3);
        copies.keep("d", 4);

        assertThat(copies.size()).isEqualTo(3);
        assertThat(copies.take("a")).as("the oldest made room").isNull();

        copies.forgetOlderThan(Duration.ofSeconds(10));

        assertThat(copies.take("b")).as("kept 30 s ago").isNull();
        assertThat(copies.take("c")).isEqualTo(3);
        assertThat(copies.take("d")).isEqualTo(4);
    }

    @Test
    void aKeyKeptAgainCountsFromItsLastKeeping() {
        copies.keep("a", 1);
        copies.keep("b", 2);
        clock.advance(Duration.ofSeconds(30));
        copies.keep("a", 5);

        copies.forgetOlderThan(Duration.ofSeconds(10));

        assertThat(copies.take("b")).isNull();
        assertThat(copies.take("a")).as("kept again just now, behind b").isEqualTo(5);
    }

    @Test
    void copiesCanBeForgottenByWhatTheyHold() {
        copies.keep("a", 1);
        copies.keep("b", 2);
        copies.keep("c", 3);

        copies.forgetIf(value -> value % 2 == 1);

        assertThat(copies.take("a")).isNull();
        assertThat(copies.take("c")).isNull();
        assertThat(copies.take("b")).isEqualTo(2);
    }
}
