package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.sender.RetryPolicy.Action;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The retry rules as a table: outcome × idempotent × attempts → action and delay. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1));

    static Stream<Arguments> table() {
        return Stream.of(
                // outcome,                                         idempotent, attempts, action,                    delay
                Arguments.of(new DeliveryOutcome.Delivered(7L),          false, 1, Action.MARK_SENT, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.RateLimited(Duration.ofSeconds(3)), false, 1, Action.PAUSE_ALL_AND_RETRY, Duration.ofSeconds(3)),
                Arguments.of(new DeliveryOutcome.RateLimited(Duration.ofSeconds(30)), true, 9, Action.PAUSE_ALL_AND_RETRY, Duration.ofSeconds(30)),
                Arguments.of(new DeliveryOutcome.Blocked("forbidden"),   false, 1, Action.MARK_BLOCKED, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.Rejected(400, "bad"),   true,  1, Action.FAIL, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 1, Action.RETRY, Duration.ofSeconds(1)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 2, Action.RETRY, Duration.ofSeconds(2)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 3, Action.RETRY, Duration.ofSeconds(4)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 4, Action.FAIL, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.Uncertain("timeout"),   false, 1, Action.GIVE_UP_UNCERTAIN, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.Uncertain("timeout"),   true,  1, Action.RETRY, Duration.ofSeconds(1)),
                Arguments.of(new DeliveryOutcome.Uncertain("timeout"),   true,  4, Action.FAIL, Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} idempotent={1} attempt {2} -> {3}")
    @MethodSource("table")
    void decides(DeliveryOutcome outcome, boolean idempotent, int attempts, Action action, Duration delay) {
        RetryPolicy.Decision decision = POLICY.decide(outcome, idempotent, attempts);

        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.delay()).isEqualTo(delay);
        assertThat(decision.reason()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("backoffs")
    void backoffDoublesAndIsCapped(int attempts, Duration expected) {
        assertThat(POLICY.backoff(attempts)).isEqualTo(expected);
    }

    static Stream<Arguments> backoffs() {
        return Stream.of(
                Arguments.of(1, Duration.ofSeconds(1)),
                Arguments.of(2, Duration.ofSeconds(2)),
                Arguments.of(5, Duration.ofSeconds(16)),
                Arguments.of(9, Duration.ofSeconds(256)),
                Arguments.of(10, RetryPolicy.MAX_BACKOFF),
                Arguments.of(60, RetryPolicy.MAX_BACKOFF));
    }
}
