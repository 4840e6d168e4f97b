package app.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramLifecycleTest {

    /** Polling Telegram needs nothing of the HTTP server; the sandbox's stand-in and a webhook are served by it. */
    @ParameterizedTest(name = "{0}, sandbox {1}: with the service {2}")
    @CsvSource({
            "POLLING, false, true",
            "WEBHOOK, false, false",
            "POLLING, true,  false",
            "WEBHOOK, true,  false"})
    void onlyPollingTelegramStartsBeforeTheHttpServerListens(TelegramConfig.Mode mode, boolean sandbox,
                                                             boolean withService) {
        assertThat(TelegramLifecycle.startsWithService(mode, sandbox)).isEqualTo(withService);
    }
}
