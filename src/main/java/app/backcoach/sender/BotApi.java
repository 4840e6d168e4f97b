package app.backcoach.sender;

/** The one door to the messaging platform; the Telegram adapter implements it. */
public interface BotApi {

    /** Performs the call and classifies the result; never throws for platform or network failures. */
    DeliveryOutcome deliver(Outbound message);
}
