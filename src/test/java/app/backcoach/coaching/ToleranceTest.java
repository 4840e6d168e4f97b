package app.backcoach.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.coaching.Tolerance.Kind;
import app.backcoach.coaching.Tolerance.Level;
import app.backcoach.coaching.Tolerance.Signal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tolerance memory, one exercise at a time: what the sessions said → green, amber or red today. */
class ToleranceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /** Signals for "bird-dog", each given as days ago and kind. */
    static List<Signal> said(Object... daysAgoAndKind) {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < daysAgoAndKind.length; i += 2) {
            signals.add(new Signal(TODAY.minusDays((Integer) daysAgoAndKind[i]), "bird-dog", (Kind) daysAgoAndKind[i + 1]));
        }
        return signals;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("done, settled", said(1, Kind.DONE), Level.GREEN),
                Arguments.of("too hard yesterday → amber", said(1, Kind.TOO_HARD), Level.AMBER),
                Arguments.of("hurt once → amber (comes back as its regression)", said(2, Kind.HURT), Level.AMBER),
                Arguments.of("in a session with pain above 5 → amber", said(1, Kind.PAINFUL_SESSION), Level.AMBER),
                Arguments.of("a flare-up the morning after → amber", said(1, Kind.FLARED_AFTER), Level.AMBER),
                Arguments.of("amber stays for two weeks, done or not", said(10, Kind.TOO_HARD, 3, Kind.DONE),
                        Level.AMBER),
                Arguments.of("after two weeks amber is forgotten", said(15, Kind.TOO_HARD, 3, Kind.DONE), Level.GREEN),
                Arguments.of("into a leg → red", said(3, Kind.LEG), Level.RED),
                Arguments.of("hurt twice within four weeks → red", said(20, Kind.HURT, 5, Kind.HURT), Level.RED),
                Arguments.of("red rests two weeks, then is tried once more", said(16, Kind.HURT, 15, Kind.HURT),
                        Level.GREEN),
                Arguments.of("hurting again on that try → red at once",
                        said(27, Kind.HURT, 25, Kind.HURT, 1, Kind.HURT), Level.RED),
                Arguments.of("today's own session does not count yet", said(0, Kind.HURT), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void levels(String name, List<Signal> signals, Level level) {
        assertThat(Tolerance.of(signals, TODAY).get("bird-dog")).isEqualTo(level);
    }
}
