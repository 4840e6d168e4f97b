package app.backcoach.catalogue;

import app.backcoach.catalogue.Exercise.Tag;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What a clinician may rule out when clearing a paused plan, and the one filter every place that
 * chooses exercises applies (the session composer, the short routines, guided swaps). Pure: an
 * exercise is allowed when no active restriction excludes it.
 */
public enum Restriction {
    /** No extension lying on the front: press-ups, forearm props. */
    NO_PRONE_EXTENSION(Tag.PRONE_EXTENSION),
    /** No trunk flexion under load: curl-ups, lifting from the floor. */
    NO_LOADED_FLEXION(Tag.LOADED_FLEXION),
    /** No rotation of the spine to its end of range. */
    NO_END_RANGE_ROTATION(Tag.END_RANGE_ROTATION),
    /** Only exercises done sitting: no floor, no standing. */
    SEATED_ONLY(null);

    private final Tag tag;

    Restriction(Tag tag) {
        this.tag = tag;
    }

    /** Whether this restriction rules the exercise out. */
    public boolean excludes(Exercise exercise) {
        return tag != null ? exercise.tags().contains(tag) : !exercise.seatedOnly();
    }

    /** The filter: allowed when none of the active restrictions excludes it. */
    public static boolean allows(Collection<Restriction> active, Exercise exercise) {
        return active.stream().noneMatch(restriction -> restriction.excludes(exercise));
    }

    /** The stable name used in storage, callback data and texts, e.g. {@code seated-only}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Restriction> of(String code) {
        return Arrays.stream(values()).filter(restriction -> restriction.code().equals(code)).findFirst();
    }
}
