package app.backcoach.coaching;

/** How much of a session today gets, from most to least. Rules can only lower it. */
public enum Version {
    FULL, REDUCED, MAINTENANCE, RELIEF_ONLY, STOP_AND_REFER;

    /** The lighter of the two. */
    public Version atMost(Version ceiling) {
        return compareTo(ceiling) >= 0 ? this : ceiling;
    }

    /** One step shorter, as far as maintenance ("shorter version" never turns a session into relief). */
    public Version shorter() {
        return switch (this) {
            case FULL -> REDUCED;
            case REDUCED, MAINTENANCE -> MAINTENANCE;
            default -> this;
        };
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
