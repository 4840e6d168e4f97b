package app.backcoach.sandbox;

import app.backcoach.sandbox.SandboxChat.Command;
import app.backcoach.sandbox.SandboxChat.Message;
import app.backcoach.sandbox.SandboxChat.User;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The small API the sandbox web chat talks to. */
@Path("/sandbox/api")
public class SandboxPageResource {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
    private static final int MAX_USER_TEXT = 4096;

    public record State(String botName, List<User> users, List<Command> commands) {
    }

    public record TextInput(String text) {
    }

    public record Tap(long messageId, String data) {
    }

    public record Language(String languageCode) {
    }

    public record SharedLocation(Double latitude, Double longitude) {
    }

    private final SandboxGuard guard;
    private final SandboxBotApi api;
    private final SandboxEvents events;

    public SandboxPageResource(SandboxGuard guard, SandboxBotApi api, SandboxEvents events) {
        this.guard = guard;
        this.api = api;
        this.events = events;
    }

    @GET
    @Path("state")
    @Produces(MediaType.APPLICATION_JSON)
    public State state(@Context HttpServerRequest request) {
        guard.check(request);
        return new State(SandboxBotApi.BOT_NAME, api.users(), api.commands());
    }

    @PUT
    @Path("users/{userId}/language")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response language(@PathParam("userId") long userId, Language language, @Context HttpServerRequest request) {
        guard.check(request);
        if (language == null || language.languageCode() == null || !LANGUAGE.matcher(language.languageCode()).matches()) {
            throw new BadRequestException("A language code like en or de is needed");
        }
        if (!api.setLanguage(userId, language.languageCode())) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("chats/{userId}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Message> history(@PathParam("userId") long userId, @Context HttpServerRequest request) {
        guard.check(request);
        return api.history(userId).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("chats/{userId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Message send(@PathParam("userId") long userId, TextInput input, @Context HttpServerRequest request) {
        guard.check(request);
        if (input == null || input.text() == null || input.text().isBlank()) {
            throw new BadRequestException("Type something first");
        }
        if (input.text().length() > MAX_USER_TEXT) {
            throw new BadRequestException("Telegram messages are at most 4096 characters");
        }
        return api.userSends(userId, input.text().strip()).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("chats/{userId}/locations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Message location(@PathParam("userId") long userId, SharedLocation location,
                            @Context HttpServerRequest request) {
        guard.check(request);
        if (location == null || location.latitude() == null || location.longitude() == null
                || Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180) {
            throw new BadRequestException("A latitude (-90..90) and a longitude (-180..180) are needed");
        }
        return api.userSendsLocation(userId, location.latitude(), location.longitude())
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("chats/{userId}/callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tap(@PathParam("userId") long userId, Tap tap, @Context HttpServerRequest request) {
        guard.check(request);
        if (tap == null || tap.data() == null || !api.userTaps(userId, tap.messageId(), tap.data())) {
            throw new NotFoundException("No such button");
        }
        return Response.accepted().build();
    }

    @GET
    @Path("chats/{userId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events(@PathParam("userId") long userId, @Context HttpServerRequest request) {
        guard.check(request);
        if (api.history(userId).isEmpty()) {
            throw new NotFoundException();
        }
        return events.stream(userId);
    }

    @GET
    @Path("files/{fileId}")
    public Response file(@PathParam("fileId") String fileId, @Context HttpServerRequest request) {
        guard.check(request);
        SandboxBotApi.StoredFile file = api.file(fileId).orElseThrow(NotFoundException::new);
        String type = file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType();
        Response.ResponseBuilder response = Response.ok(file.bytes()).type(type);
        if (file.fileName() != null) {
            response.header("Content-Disposition", "inline; filename=\"" + file.fileName().replace("\"", "") + "\"");
        }
        return response.build();
    }
}
