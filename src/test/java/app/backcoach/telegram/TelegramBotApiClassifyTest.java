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
                Arguments.of(answer(429, 7), DeliveryOutcome.RateLimited.class),
                Arguments.of(answer(403, null), DeliveryOutcome.Blocked.class),
                Arguments.of(answer(400, null), DeliveryOutcome.Rejected.class),
                Arguments.of(answer(404, null), DeliveryOutcome.Rejected.class),
                Arguments.of(answer(500, null), DeliveryOutcome.NotDelivered.class),
                Arguments.of(answer(502, null), DeliveryOutcome.NotDelivered.class),
                Arguments.of(new TelegramApiRequestException("Unable to deserialize response"), DeliveryOutcome.Uncertain.class),
                Arguments.of(new ConnectException("Connection refused"), DeliveryOutcome.NotDelivered.class),
                Arguments.of(new UnknownHostException("api.telegram.org"), DeliveryOutcome.NotDelivered.class),
                Arguments.of(new SocketTimeoutException("timeout"), DeliveryOutcome.Uncertain.class),
                Arguments.of(new EOFException("unexpected end of stream"), DeliveryOutcome.Uncertain.class),
                Arguments.of(new IOException("Connection reset"), DeliveryOutcome.Uncertain.class),
                Arguments.of(new IllegalStateException("?"), DeliveryOutcome.Uncertain.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void classifies(Throwable failure, Class<? extends DeliveryOutcome> expected) {
        assertThat(TelegramBotApi.classify(failure)).isInstanceOf(expected);
    }

    @org.junit.jupiter.api.Test
    void rateLimitCarriesRetryAfter() {
        assertThat(TelegramBotApi.classify(answer(429, 7)))
                .isEqualTo(new DeliveryOutcome.RateLimited(Duration.ofSeconds(7)));
        assertThat(TelegramBotApi.classify(answer(429, null)))
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
