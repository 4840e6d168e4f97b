package app.backcoach.benchmark;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The reference of issue 17: TelegramBots' own echo bot, as its getting-started guide writes one (long polling,
 * the single-thread consumer, {@code execute(SendMessage)}), with nothing stored. {@link RoundTripBenchmark} runs
 * it in a JVM of its own under the same flood as the app, so every run prints what this machine gives a bot that
 * does no work of its own: a yardstick for the app's figures on a machine whose speed varies.
 *
 * <p>Arguments: the Bot API's base URL, the token.
 */
public final class EchoBot implements LongPollingSingleThreadUpdateConsumer {

    private final TelegramClient client;

    private EchoBot(TelegramClient client) {
        this.client = client;
    }

    @Override
    public void consume(Update update) {
        if (update.hasMessage() && update.getMessage().hasText()) {
            try {
                client.execute(new SendMessage(update.getMessage().getChatId().toString(), update.getMessage().getText()));
            } catch (TelegramApiException e) {
                System.err.println("echo failed: " + e.getClass().getSimpleName());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        String token = args[1];
        TelegramUrl url = new TelegramUrl(api.getScheme(), api.getHost(), api.getPort(), false);
        try (TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication()) {
            application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(),
                    new EchoBot(new OkHttpTelegramClient(token, url)));
            new CountDownLatch(1).await(); // until the benchmark ends the process
        }
    }
}
