package app.backcoach.sandbox;

import app.backcoach.sandbox.SandboxChat.Event;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Live events to the open sandbox pages, per test user. */
@Singleton
public class SandboxEvents {

    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final Map<Long, List<MultiEmitter<? super String>>> listeners = new ConcurrentHashMap<>();

    /** A stream of JSON events for one user's chat; ends when the page goes away. */
    public Multi<String> stream(long userId) {
        return Multi.createFrom().emitter(emitter -> {
            List<MultiEmitter<? super String>> forUser =
                    listeners.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
            forUser.add(emitter);
            emitter.onTermination(() -> forUser.remove(emitter));
        });
    }

    void publish(long userId, Event event) {
        String data = write(event);
        listeners.getOrDefault(userId, List.of()).forEach(emitter -> emitter.emit(data));
    }

    void publishToAll(Event event) {
        String data = write(event);
        listeners.values().forEach(forUser -> forUser.forEach(emitter -> emitter.emit(data)));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
