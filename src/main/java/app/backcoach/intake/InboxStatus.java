package app.backcoach.intake;

public enum InboxStatus {
    PENDING,
    DONE,
    /** Failed every attempt; kept for an operator, and its chat's later updates go on. */
    PARKED
}
