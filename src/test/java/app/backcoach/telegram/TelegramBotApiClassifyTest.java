package app.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.sender.DeliveryOutcome;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Which failures may have delivered a message: the table the sender's retry rules rely on. */
class TelegramBotApiClassifyTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // failure, request written in full, a proxy's error page -> outcome
                Arguments.of(answer(429, 7), true, false, DeliveryOutcome.RateLimited.class),
                Arguments.of(answer(403, null), true, false, DeliveryOutcome.Blocked.class),
                Arguments.of(answer(400, null), true, false, DeliveryOutcome.Rejected.class),
                Arguments.of(answer(404, null), true, false, DeliveryOutcome.Rejected.class),
                // Telegram's own 5xx (JSON) can come after it carried the call out.
                Arguments.of(answer(500, null), true, false, DeliveryOutcome.Uncertain.class),
                Arguments.of(answer(502, null), true, false, DeliveryOutcome.Uncertain.class),
                // A proxy's HTML page: Telegram was never reached.
                Arguments.of(new TelegramApiRequestException("Unable to deserialize response"), true, true, DeliveryOutcome.NotDelivered.class),
                Arguments.of(new TelegramApiRequestException("Unable to deserialize response"), true, false, DeliveryOutcome.Uncertain.class),
                Arguments.of(new ConnectException("Connection refused"), false, false, DeliveryOutcome.NotDelivered.class),
                Arguments.of(new UnknownHostException("api.telegram.org"), false, false, DeliveryOutcome.NotDelivered.class),
                // A connection that broke before the request was written out cannot have delivered it.
                Arguments.of(new IOException("Connection reset"), false, false, DeliveryOutcome.NotDelivered.class),
                Arguments.of(new SocketTimeoutException("timeout"), false, false, DeliveryOutcome.NotDelivered.class),
                Arguments.of(new SocketTimeoutException("timeout"), true, false, DeliveryOutcome.Uncertain.class),
                Arguments.of(new EOFException("unexpected end of stream"), true, false, DeliveryOutcome.Uncertain.class),
                Arguments.of(new IOException("Connection reset"), true, false, DeliveryOutcome.Uncertain.class),
                Arguments.of(new IllegalStateException("?"), true, false, DeliveryOutcome.Uncertain.class));
    }

    @ParameterizedTest(name = "{0} written={1} proxy page={2} -> {3}")
    @MethodSource("failures")
    void classifies(Throwable failure, boolean written, boolean proxyPage, Class<? extends DeliveryOutcome> expected) {
        assertThat(TelegramBotApi.classify(failure, written, proxyPage)).isInstanceOf(expected);
    }

    @org.junit.jupiter.api.Test
    void rateLimitCarriesRetryAfter() {
        assertThat(TelegramBotApi.classify(answer(429, 7), true, false))
                .isEqualTo(new DeliveryOutcome.RateLimited(Duration.ofSeconds(7)));
        assertThat(TelegramBotApi.classify(answer(429, null), true, false))
                .isEqualTo(new DeliveryOutcome.RateLimited(Duration.ofSeconds(1)));
    }

    private static TelegramApiRequestException answer(int code, Integer retryAfter) {
        ApiResponse<Object> response = ApiResponse.builder()
                .ok(false)
                .errorCode(code)
                .errorDescription("description " + code)
                .parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter))
                .build();
        return new TelegramApiRequestException("Error sending message", response);
    }
}
