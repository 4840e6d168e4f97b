package app.backcoach.sandbox;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** The sandbox web chat at the root URL (not a static resource, so it does not exist with a real token). */
@Path("/")
public class SandboxPage {

    private final SandboxGuard guard;

    public SandboxPage(SandboxGuard guard) {
        this.guard = guard;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context HttpServerRequest request) throws IOException {
        guard.check(request);
        try (InputStream page = getClass().getResourceAsStream("/sandbox/index.html")) {
            if (page == null) {
                throw new NotFoundException();
            }
            return Response.ok(page.readAllBytes()).header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                            + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")
                    .build();
        }
    }
}
