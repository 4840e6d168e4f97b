package app.backcoach.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the bot at the shared {@link FakeBotApi} for a Quarkus test run.
 *
 * <p>Use with {@code @QuarkusTestResource(FakeBotApiResource.class)} (or {@code @WithTestResource}), then reach the
 * fake through {@link FakeBotApi#instance()} and {@link FakeBotApi#reset()} it between tests.
 */
public class FakeBotApiResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        FakeBotApi fake = FakeBotApi.instance();
        fake.start(); // idempotent: several resources or app restarts share one server
        return Map.of(
                "bot.token", FakeBotApi.TOKEN,
                "bot.api-url", "http://127.0.0.1:" + fake.port());
    }

    @Override
    public void stop() {
        FakeBotApi.instance().stop();
    }
}
