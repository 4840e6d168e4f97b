package app.backcoach.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time plus an offset, so a test can move to "tomorrow
 * morning" while everything else keeps ticking. Tests that move it put it back afterwards.
 */
public final class MovableClock extends Clock {

    public static final MovableClock INSTANCE = new MovableClock();
    private static volatile Duration offset = Duration.ZERO;

    private MovableClock() {
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Puts the clock at {@code instant} (and lets it tick on from there). */
    public static void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
