package app.backcoach.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Telegram's real limits instead of the fast test ones; the benchmark drives the scheduler itself. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sender.per-chat-per-second", System.getProperty("bench.per-chat-per-second", "1"),
                "sender.per-chat-burst", "3",
                "sender.global-per-second", System.getProperty("bench.global-per-second", "30"),
                "schedule.batch", "500",
                "quarkus.log.category.\"app.backcoach\".level", "WARN",
                "quarkus.datasource.jdbc.max-size", "30");
    }
}
