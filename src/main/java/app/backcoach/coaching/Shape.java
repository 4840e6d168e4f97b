package app.backcoach.coaching;

/** What kind of session fits the day, independent of its size. */
public enum Shape {
    /** The usual session, on the floor if need be. */
    STANDARD,
    /** Seated and standing only: a seat, a hotel room, a gate. */
    TRAVEL,
    /** Training or physical work ahead: short activation before, decompression after. */
    PRIME_AND_PROTECT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
