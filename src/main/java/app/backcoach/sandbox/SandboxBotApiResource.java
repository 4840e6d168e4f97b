package app.backcoach.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The Bot API stand-in's HTTP face, where the bot's own TelegramBots client sends its requests:
 * {@code /bot<token>/<method>}, exactly the path layout of api.telegram.org.
 */
@Path("/{bot}/{method}")
public class SandboxBotApiResource {

    private final SandboxMode mode;
    private final SandboxGuard guard;
    private final SandboxBotApi api;
    private final ObjectMapper json = new ObjectMapper();

    public SandboxBotApiResource(SandboxMode mode, SandboxGuard guard, SandboxBotApi api) {
        this.mode = mode;
        this.guard = guard;
        this.api = api;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response call(@PathParam("bot") String bot, @PathParam("method") String method, String body,
                         @Context HttpServerRequest request) throws IOException {
        authorise(bot, request);
        JsonNode params = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        return answer(api.call(method.toLowerCase(Locale.ROOT), params));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response media(@PathParam("bot") String bot, @PathParam("method") String method,
                          @RestForm("chat_id") String chatId, @RestForm String caption,
                          @RestForm("parse_mode") String parseMode, @RestForm("reply_markup") String replyMarkup,
                          @RestForm("photo") String photoReference, @RestForm("document") String documentReference,
                          @RestForm(FileUpload.ALL) List<FileUpload> files,
                          @Context HttpServerRequest request) throws IOException {
        authorise(bot, request);
        ObjectNode params = json.createObjectNode();
        params.put("chat_id", chatId);
        params.put("caption", caption);
        params.put("parse_mode", parseMode == null ? "" : parseMode);
        if (replyMarkup != null) {
            params.set("reply_markup", json.readTree(replyMarkup));
        }
        FileUpload file = attachment(files, "photo", photoReference)
                .or(() -> attachment(files, "document", documentReference)).orElse(null);
        byte[] bytes = file == null ? null : Files.readAllBytes(file.uploadedFile());
        return answer(api.sendMedia(method.toLowerCase(Locale.ROOT), params, bytes,
                file == null ? null : file.fileName(), file == null ? null : file.contentType()));
    }

    /**
     * The uploaded file for {@code field}: either a file part of that name, or (as TelegramBots sends
     * it) a text field {@code attach://name} pointing at a file part.
     */
    private static Optional<FileUpload> attachment(List<FileUpload> files, String field, String reference) {
        String partName = reference != null && reference.startsWith("attach://")
                ? reference.substring("attach://".length()) : field;
        return files.stream().filter(file -> file.name().equals(partName)).findFirst();
    }

    /** Only the bot of this process, which alone knows the per-start token, may call the stand-in. */
    private void authorise(String bot, HttpServerRequest request) {
        guard.check(request);
        byte[] expected = ("bot" + mode.token()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, bot.getBytes(StandardCharsets.UTF_8))) {
            throw new NotFoundException();
        }
    }

    private static Response answer(SandboxBotApi.Answer answer) {
        return Response.status(answer.status()).entity(answer.body().toString()).type(MediaType.APPLICATION_JSON).build();
    }
}
