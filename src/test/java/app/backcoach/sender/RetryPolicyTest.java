package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.sender.RetryPolicy.Action;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The retry rules as a table: outcome × checkable × attempts → action and delay. */
class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1));

    static Stream<Arguments> table() {
        return Stream.of(
                // outcome,                                         checkable, attempts, action,                    delay
                Arguments.of(new DeliveryOutcome.Delivered(7L),          false, 1, Action.MARK_SENT, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.RateLimited(Duration.ofSeconds(3)), false, 1, Action.PAUSE_ALL_AND_RETRY, Duration.ofSeconds(3)),
                Arguments.of(new DeliveryOutcome.RateLimited(Duration.ofSeconds(30)), true, 9, Action.PAUSE_ALL_AND_RETRY, Duration.ofSeconds(30)),
                Arguments.of(new DeliveryOutcome.Blocked("forbidden"),   false, 1, Action.MARK_BLOCKED, Duration.ZERO),
                Arguments.of(new DeliveryOutcome.Rejected(400, "bad"),   true,  1, Action.FAIL, Duration.ZERO),
                // Not carried out (refused connection, a proxy's page): repeated, whatever it is.
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 1, Action.RETRY, Duration.ofSeconds(1)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 2, Action.RETRY, Duration.ofSeconds(2)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 3, Action.RETRY, Duration.ofSeconds(4)),
                Arguments.of(new DeliveryOutcome.NotDelivered("refused"), false, 4, Action.FAIL, Duration.ZERO),
                // May have been carried out: a new message in a private chat is resent and checked ...
                Arguments.of(new DeliveryOutcome.Uncertain("500"),       true,  1, Action.RESEND_AND_CHECK, Duration.ofSeconds(1)),
                Arguments.of(new DeliveryOutcome.Uncertain("timeout"),   true,  2, Action.RESEND_AND_CHECK, Duration.ofSeconds(2)),
                Arguments.of(new DeliveryOutcome.Uncertain("timeout"),   true,  4, Action.FAIL, Duration.ZERO),
                // ... an edit, an answer, or a message whose chat cannot be checked is not repeated.
                Arguments.of(new DeliveryOutcome.Uncertain("500"),       false, 1, Action.GIVE_UP_UNCERTAIN, Duration.ZERO));
    }

    @ParameterizedTest(name = "{0} checkable={1} attempt {2} -> {3}")
    @MethodSource("table")
    void decides(DeliveryOutcome outcome, boolean checkable, int attempts, Action action, Duration delay) {
        RetryPolicy.Decision decision = POLICY.decide(outcome, checkable, attempts);

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
