package app.backcoach.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The counters an operator watches on /q/metrics; made at startup, so alert rules see them from zero. */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class BotMetrics {

    private final Counter updatesReceived;
    private final Counter updatesDuplicate;
    private final Counter updatesHandled;
    private final Counter updatesFailed;
    private final Counter updatesParked;
    private final Counter messagesSent;
    private final Counter rateLimited;
    private final Counter blocked;
    private final Counter sendsFailed;
    private final Timer handlingLatency;
    private final Timer promptDelay;
    private final Counter duplicatesRemoved;
    private final Counter tapsAnsweredLate;

    public BotMetrics(MeterRegistry registry) {
        updatesReceived = Counter.builder("backcoach.updates.received")
                .description("Updates recorded in the inbox").register(registry);
        updatesDuplicate = Counter.builder("backcoach.updates.duplicate")
                .description("Redelivered updates recognised and not handled again").register(registry);
        updatesHandled = Counter.builder("backcoach.updates.handled")
                .description("Updates handled successfully").register(registry);
        updatesFailed = Counter.builder("backcoach.updates.failed")
                .description("Failed handling attempts (retried)").register(registry);
        updatesParked = Counter.builder("backcoach.updates.parked")
                .description("Updates given up on after all retries").register(registry);
        messagesSent = Counter.builder("backcoach.messages.sent")
                .description("Bot API calls delivered").register(registry);
        rateLimited = Counter.builder("backcoach.telegram.429")
                .description("429 Too Many Requests answers").register(registry);
        blocked = Counter.builder("backcoach.telegram.403")
                .description("403 answers: the user blocked the bot").register(registry);
        sendsFailed = Counter.builder("backcoach.messages.failed")
                .description("Outbound calls given up on (refused, uncertain or out of retries)").register(registry);
        duplicatesRemoved = Counter.builder("backcoach.messages.duplicate-removed")
                .description("Resends deleted because the first attempt had arrived after all").register(registry);
        tapsAnsweredLate = Counter.builder("backcoach.taps.answered-by-watchdog")
                .description("Taps answered without their toast because handling them was late").register(registry);
        handlingLatency = Timer.builder("backcoach.update.handling")
                .description("Time from an update being recorded to its handling being committed")
                .publishPercentileHistogram()
                .register(registry);
        promptDelay = Timer.builder("backcoach.prompts.delay")
                .description("How long after its local time each morning prompt was sent")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** A morning prompt went out this long after the person's check-in time. */
    public void promptSent(Duration late) {
        promptDelay.record(late.isNegative() ? Duration.ZERO : late);
    }

    public void updatesReceived(int count) {
        updatesReceived.increment(count);
    }

    public void updatesDuplicate(int count) {
        updatesDuplicate.increment(count);
    }

    public void updateHandled(Duration sinceReceived) {
        updatesHandled.increment();
        handlingLatency.record(sinceReceived);
    }

    public void updateFailed() {
        updatesFailed.increment();
    }

    public void updateParked() {
        updatesParked.increment();
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void blocked() {
        blocked.increment();
    }

    public void sendFailed() {
        sendsFailed.increment();
    }

    public void duplicateRemoved() {
        duplicatesRemoved.increment();
    }

    public void tapAnsweredLate() {
        tapsAnsweredLate.increment();
    }
}
