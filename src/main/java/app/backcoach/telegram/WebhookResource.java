package app.backcoach.telegram;

import app.backcoach.intake.InboxService;
import app.backcoach.intake.IntakeDispatcher;
import app.backcoach.sender.PendingTaps;
import app.backcoach.support.ConflictRetry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's webhook. The update is stored before answering 200, so a 200 always means "kept";
 * handling happens afterwards (an update whose content is of no use is kept and ignored). A failure to
 * store answers 503 and Telegram delivers again; a body that is no update at all gets 400.
 */
@Path("/telegram/webhook")
public class WebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final TelegramConnection connection;
    private final TelegramUpdates updates;
    private final InboxService inbox;
    private final IntakeDispatcher dispatcher;
    private final PendingTaps taps;

    public WebhookResource(TelegramConnection connection, TelegramUpdates updates, InboxService inbox,
                           IntakeDispatcher dispatcher, PendingTaps taps) {
        this.taps = taps;
        this.connection = connection;
        this.updates = updates;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, String body) {
        TelegramConfig config = connection.config();
        if (config.mode() != TelegramConfig.Mode.WEBHOOK || connection.isSandbox()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (!secretMatches(config.webhook().secret().orElse(""), secret)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Update update;
        try {
            update = updates.parse(body);
        } catch (IllegalArgumentException unreadable) {
            update = null;
        }
        if (update == null || update.getUpdateId() == null) {
            // Not an update at all (unreadable, `null`, `{}`): Telegram never sends one, and there is no id to
            // keep it by. 400 says so; a 5xx would only invite the same body again.
            LOG.warn("Webhook body that is not an update refused");
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        TelegramUpdates.noteTap(update, taps);
        try {
            var inbound = List.of(updates.toInbound(update));
            // Instances on different Galera nodes may record the same redelivered update at once: one retries.
            ConflictRetry.run("recording update " + update.getUpdateId(), () -> inbox.record(inbound));
        } catch (RuntimeException e) {
            LOG.warnf("Could not store update %d (%s); Telegram will deliver it again",
                    update.getUpdateId(), e.getClass().getSimpleName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        dispatcher.wake();
        return Response.ok().build();
    }

    /** Constant-time, so the secret cannot be guessed from how long a refusal takes. */
    static boolean secretMatches(String expected, String given) {
        if (expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
