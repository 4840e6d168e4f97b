package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final long CHAT = 42;
    /** The global window is a second and this: calls counted at their start here arrive a little later there. */
    private static final long MARGIN = SendRateLimiter.ARRIVAL_MARGIN.toMillis();

    @Test
    void oneChatGetsItsBurstThenOneMessagePerSecond() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);

        assertThat(limiter.tryAcquire(CHAT, true, T0)).isZero();
        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(40))).isZero();
        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(80))).isZero();
        Duration wait = limiter.tryAcquire(CHAT, true, T0.plusMillis(120));

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(120).plus(wait))).isZero();
    }

    /**
     * Between taking a slot and making the call there is database work of varying length. Counted from the
     * slot, the fourth part of a split reply could reach Telegram less than a second after the one before.
     */
    @Test
    void aChatsSpacingCountsFromWhenTheCallStarts() {
        SendRateLimiter limiter = new SendRateLimiter(30, 2, 1, T0);
        assertThat(limiter.tryAcquire(CHAT, true, T0)).isZero();
        limiter.callStarting(CHAT, T0.plusMillis(300)); // the call went out 300 ms after its slot

        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(500))).isEqualTo(Duration.ofMillis(300));
        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(800))).isZero();
    }

    @Test
    void aClockThatJumpsBetweenSlotAndCallDoesNotHoldTheChatBack() {
        SendRateLimiter limiter = new SendRateLimiter(30, 2, 1, T0);
        assertThat(limiter.tryAcquire(CHAT, true, T0)).isZero();
        limiter.callStarting(CHAT, T0.plus(Duration.ofDays(1)));

        assertThat(limiter.tryAcquire(CHAT, true, T0.plus(Duration.ofDays(1)).plusSeconds(3))).isZero();
    }

    @Test
    void callbackAnswersDoNotWaitForTheGlobalAllowanceEither() {
        SendRateLimiter limiter = new SendRateLimiter(1, 1, 3, T0);
        assertThat(limiter.tryAcquire(CHAT, true, T0)).isZero();
        assertThat(limiter.tryAcquire(CHAT + 1, true, T0)).isPositive(); // the global allowance is used up

        assertThat(limiter.tryAcquire(CHAT + 2, false, T0)).isZero();
    }

    @Test
    void aClockThatStepsBackDoesNotStopSending() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 1, T0.plus(Duration.ofDays(8)));
        assertThat(limiter.tryAcquire(CHAT, true, T0.plus(Duration.ofDays(8)))).isZero();

        Instant steppedBack = T0;
        limiter.tryAcquire(CHAT, true, steppedBack);

        assertThat(limiter.tryAcquire(CHAT, true, steppedBack.plusSeconds(2))).isZero();
    }

    @Test
    void sustainedRateForOneChatIsOnePerSecond() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        int sent = 0;
        for (Instant now = T0; now.isBefore(T0.plusSeconds(60)); now = now.plusMillis(10)) {
            if (limiter.tryAcquire(CHAT, true, now).isZero()) {
                sent++;
            }
        }
        // 3 at once, then one per second: 3 + 59 over a minute.
        assertThat(sent).isBetween(61, 63);
    }

    /** Replies that fall due together go together (no queue at evenly spaced slots), up to the rate. */
    @Test
    void theGlobalRateIsABurstAtMostThenWhatAnySecondAllows() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        for (long chat = 0; chat < 30; chat++) {
            assertThat(limiter.tryAcquire(chat, true, T0.plusMillis(chat))).isZero();
        }

        assertThat(limiter.tryAcquire(30, true, T0.plusMillis(30))).isEqualTo(Duration.ofMillis(970 + MARGIN));
        assertThat(limiter.tryAcquire(30, true, T0.plusMillis(999 + MARGIN))).isEqualTo(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(30, true, T0.plusMillis(1000 + MARGIN))).isZero();
        assertThat(limiter.tryAcquire(31, true, T0.plusMillis(1000 + MARGIN))).isPositive();
    }

    /** A slot's call that starts late holds its place in the window from when it started. */
    @Test
    void theGlobalWindowCountsACallFromWhenItStarts() {
        SendRateLimiter limiter = new SendRateLimiter(2, 1, 3, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        assertThat(limiter.tryAcquire(2, true, T0.plusMillis(100))).isZero();
        limiter.callStarting(1, T0.plusMillis(500));

        // Counted from its slot, the first call would have left the window at T0 + 1 s (and the margin).
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(1000 + MARGIN))).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(1100 + MARGIN))).isZero();
        assertThat(limiter.tryAcquire(4, true, T0.plusMillis(1100 + MARGIN))).isEqualTo(Duration.ofMillis(400));
    }

    /** Telegram counts a call where it arrives, at the latest when it ended: a slow call holds its place until then. */
    @Test
    void aSlowCallHoldsItsPlaceInTheWindowUntilItEnded() {
        SendRateLimiter limiter = new SendRateLimiter(2, 10, 3, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        assertThat(limiter.callStarting(1, T0)).isZero();
        assertThat(limiter.tryAcquire(2, true, T0.plusMillis(100))).isZero();
        assertThat(limiter.callStarting(2, T0.plusMillis(100))).isZero();
        limiter.callEnded(2, T0.plusMillis(110));
        limiter.callEnded(1, T0.plusMillis(400)); // the first call took 400 ms: it may have arrived only then

        // Counted from its start, the first call would have left the window at T0 + 1 s (and the margin).
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(1000 + MARGIN))).isEqualTo(Duration.ofMillis(110));
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(1110 + MARGIN))).isZero();
        assertThat(limiter.tryAcquire(4, true, T0.plusMillis(1110 + MARGIN))).isEqualTo(Duration.ofMillis(290));
    }

    /**
     * Workers read the clock before they enter the limiter, so their times reach it a little out of order. A
     * time that arrives earlier than one already kept must not cost a call its place: before places were held
     * by their own object, the later call's place was taken for the earlier time, its end then found no place
     * to move and took a second one, and in the paced benchmark ghosts like it filled the window for up to a
     * second while the real calls were 26 of 30.
     */
    @Test
    void callsWhoseTimesArriveOutOfOrderEachKeepOnePlace() {
        SendRateLimiter limiter = new SendRateLimiter(3, 10, 3, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        assertThat(limiter.tryAcquire(2, true, T0)).isZero();
        assertThat(limiter.callStarting(2, T0.plusMillis(3))).isZero();
        assertThat(limiter.callStarting(1, T0.plusMillis(2))).isZero(); // read its clock first, came in second
        limiter.callEnded(2, T0.plusMillis(5));
        limiter.callEnded(1, T0.plusMillis(4));

        // Two calls, two places: the third of three fits now, a fourth only once the first has left.
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(10))).isZero();
        assertThat(limiter.tryAcquire(4, true, T0.plusMillis(10))).isEqualTo(Duration.ofMillis(994 + MARGIN));
    }

    /** A send that stops before its call (an edit that would change nothing, say) leaves both allowances as they were. */
    @Test
    void aSlotGivenUpBeforeItsCallIsFreeAgain() {
        SendRateLimiter limiter = new SendRateLimiter(1, 1, 1, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        limiter.slotUnused(1);

        assertThat(limiter.tryAcquire(1, true, T0.plusMillis(10))).isZero(); // the chat's token and the global place
        assertThat(limiter.callStarting(1, T0.plusMillis(10))).isZero();
        limiter.slotUnused(1); // its call started: nothing to give back
        assertThat(limiter.tryAcquire(2, true, T0.plusMillis(20))).isPositive();
        assertThat(limiter.tryAcquire(1, true, T0.plusMillis(20))).isPositive();
    }

    /** A tap's answer counts for no limit, so its end moves nothing. */
    @Test
    void anUncountedCallsEndMovesNothing() {
        SendRateLimiter limiter = new SendRateLimiter(1, 10, 3, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        assertThat(limiter.callStarting(1, T0)).isZero();
        limiter.callEnded(1, T0.plusMillis(10));
        assertThat(limiter.tryAcquire(1, false, T0.plusMillis(20))).isZero();
        assertThat(limiter.callStarting(1, T0.plusMillis(20))).isZero();
        limiter.callEnded(1, T0.plusMillis(900));

        assertThat(limiter.tryAcquire(2, true, T0.plusMillis(1010 + MARGIN))).isZero();
    }

    /**
     * When the work between slot and call outlasts the window (a database failing over), the slot has left
     * it: the call must take a new place, and wait for one, or it goes uncounted.
     */
    @Test
    void aCallWhoseSlotLeftTheWindowBeforeItStartedWaitsForANewPlace() {
        SendRateLimiter limiter = new SendRateLimiter(2, 10, 3, T0);
        assertThat(limiter.tryAcquire(1, true, T0)).isZero();
        assertThat(limiter.tryAcquire(2, true, T0.plusMillis(1200))).isZero();
        assertThat(limiter.tryAcquire(3, true, T0.plusMillis(1300))).isZero();

        assertThat(limiter.callStarting(1, T0.plusMillis(1500))).isEqualTo(Duration.ofMillis(700 + MARGIN));
        assertThat(limiter.callStarting(1, T0.plusMillis(2200 + MARGIN))).isZero();

        // Counted from then: with 1.3 s's call, the window is full until 2.3 s (and the margin).
        assertThat(limiter.tryAcquire(4, true, T0.plusMillis(2200 + MARGIN))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theGlobalRateHoldsInEverySecondAcrossChats() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        int sent = 0;
        long chat = 0;
        for (Instant now = T0; now.isBefore(T0.plusSeconds(10)); now = now.plusMillis(1)) {
            if (limiter.tryAcquire(chat, true, now).isZero()) {
                sent++;
                chat++;
            }
        }
        // Never more than the rate allows in any second.
        assertThat(sent).isBetween(290, 300);
    }

    @Test
    void callbackAnswersDoNotUseTheChatsAllowance() {
        SendRateLimiter limiter = new SendRateLimiter(1000, 1, 1, T0);

        assertThat(limiter.tryAcquire(CHAT, true, T0)).isZero();
        assertThat(limiter.tryAcquire(CHAT, false, T0.plusMillis(5))).isZero();
        assertThat(limiter.tryAcquire(CHAT, true, T0.plusMillis(10))).isPositive();
    }

    @Test
    void aPauseStopsEverySendUntilItEnds() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        limiter.pauseUntil(T0.plusSeconds(5));

        assertThat(limiter.tryAcquire(1, true, T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire(2, false, T0.plusSeconds(4))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.globalWait(T0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire(3, true, T0.plusSeconds(5))).isZero();
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        limiter.pauseUntil(T0.plusSeconds(10));
        limiter.pauseUntil(T0.plusSeconds(2));

        assertThat(limiter.globalWait(T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void idleChatsAreForgotten() {
        SendRateLimiter limiter = new SendRateLimiter(30, 1, 3, T0);
        limiter.tryAcquire(1, true, T0);
        limiter.tryAcquire(2, true, T0.plusSeconds(5));

        limiter.forgetIdleChats(T0.plusSeconds(5));

        assertThat(limiter.trackedChats()).isEqualTo(1);
    }
}
