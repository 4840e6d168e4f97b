package app.backcoach.day;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guided session as a declared table: in each state, which taps are possible and what they do.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> EXERCISE: start guided
 *   EXERCISE --> BREATHER: done, more sets
 *   EXERCISE --> EXERCISE: done (next exercise) / skip / too hard (the regression instead)
 *   EXERCISE --> WHERE: hurts
 *   WHERE --> HURT: in the back
 *   WHERE --> [*]: into a leg (pain, tingling): session ends with advice, the leg is asked first tomorrow
 *   WHERE --> [*]: numbness or weakness (a doctor today) / both legs or groin (emergency): plan paused
 *   BREATHER --> EXERCISE: next set
 *   HURT --> RELIEF: relief option
 *   RELIEF --> EXERCISE: continue
 *   EXERCISE --> [*]: last exercise done or skipped, then the rating
 *   HURT --> [*]: end with advice
 *   BREATHER --> [*]: end
 *   RELIEF --> [*]: end
 * }</pre>
 */
public final class GuidedSteps {

    public enum State {
        EXERCISE, BREATHER, WHERE, HURT, RELIEF
    }

    /** A tap; its code travels in callback data. */
    public enum Tap {
        DONE("done"), TOO_HARD("hard"), HURTS("hurt"), SKIP("skip"), NEXT_SET("next"), RELIEF("relief"),
        CONTINUE("cont"), END("end"), IN_BACK("back"), LEG_PAIN("pain"), LEG_NUMB("numb"), BOTH_LEGS("both");

        private final String code;

        Tap(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Tap> of(String code) {
            return java.util.Arrays.stream(values()).filter(tap -> tap.code.equals(code)).findFirst();
        }
    }

    /** What a tap does. */
    public enum Move {
        /** Another set (after a breather) or the next exercise, or the end after the last. */
        SET_DONE,
        /** The regression replaces the exercise, from its first set. */
        EASIER,
        /** Stop this exercise and ask where it hurts. */
        ASK_WHERE,
        /** Back pain: stop this exercise; offer relief or the end. */
        STOP_EXERCISE,
        /** Symptoms in a leg: the session ends; the tap's tier decides whether the plan pauses. */
        LEG_SYMPTOMS,
        NEXT_EXERCISE,
        NEXT_SET,
        SHOW_RELIEF,
        END
    }

    /** The table: state → the taps it offers, in button order, and their moves. */
    static final Map<State, Map<Tap, Move>> TABLE = table();

    private GuidedSteps() {
    }

    static Optional<Move> move(State state, Tap tap) {
        return Optional.ofNullable(TABLE.get(state).get(tap));
    }

    static List<Tap> taps(State state) {
        return List.copyOf(TABLE.get(state).keySet());
    }

    private static Map<State, Map<Tap, Move>> table() {
        Map<State, Map<Tap, Move>> table = new EnumMap<>(State.class);
        table.put(State.EXERCISE, ordered(Tap.DONE, Move.SET_DONE, Tap.TOO_HARD, Move.EASIER,
                Tap.HURTS, Move.ASK_WHERE, Tap.SKIP, Move.NEXT_EXERCISE, Tap.END, Move.END));
        // Nothing here goes on with exercise once a leg is involved.
        table.put(State.WHERE, ordered(Tap.IN_BACK, Move.STOP_EXERCISE, Tap.LEG_PAIN, Move.LEG_SYMPTOMS,
                Tap.LEG_NUMB, Move.LEG_SYMPTOMS, Tap.BOTH_LEGS, Move.LEG_SYMPTOMS));
        table.put(State.BREATHER, ordered(Tap.NEXT_SET, Move.NEXT_SET, Tap.END, Move.END));
        table.put(State.HURT, ordered(Tap.RELIEF, Move.SHOW_RELIEF, Tap.END, Move.END));
        table.put(State.RELIEF, ordered(Tap.CONTINUE, Move.NEXT_EXERCISE, Tap.END, Move.END));
        return table;
    }

    private static Map<Tap, Move> ordered(Object... pairs) {
        Map<Tap, Move> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Tap) pairs[i], (Move) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
