package app.backcoach.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Scheduling timings; all of them configuration, so tests and operators can shrink them. */
@ConfigMapping(prefix = "schedule")
public interface ScheduleConfig {

    /** How often due jobs are looked for (a Quarkus duration such as 15s; "off" disables the tick). */
    @WithDefault("15s")
    String tick();

    /** Jobs claimed at once by one instance. */
    @WithDefault("500")
    int batch();

    /** How long a claim holds before another instance may take the job (a crashed instance's, say). */
    @WithDefault("2m")
    Duration lease();

    /** A missed morning prompt is still sent this late, otherwise skipped. */
    @WithDefault("3h")
    Duration lateWindow();

    /** The one gentle nudge when the morning check-in is unanswered. */
    @WithDefault("90m")
    Duration nudgeDelay();

    /** How long "snooze" waits. */
    @WithDefault("15m")
    Duration snooze();

    /** The shortest spacing between reminders, whatever a profile says. */
    @WithDefault("30m")
    Duration minReminderInterval();

    /** Reminders per day at most. */
    @WithDefault("6")
    int reminderDailyMax();

    /** A reminder is dropped rather than sent when it is this late (the moment has passed). */
    @WithDefault("20m")
    Duration reminderLateWindow();
}
