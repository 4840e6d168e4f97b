package app.backcoach.chat;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class DialoguePersonalData implements PersonalData {

    record Open(String dialogue, String step, String progress, Instant startedAt, Instant expiresAt) {
    }

    @Override
    public String section() {
        return "openDialogue";
    }

    @Override
    public Object export(long userId) {
        return DialogueState.<DialogueState>findByIdOptional(userId)
                .map(s -> new Open(s.dialogue, s.step, s.progress, s.startedAt, s.expiresAt))
                .orElse(null);
    }

    @Override
    public boolean isHealthData() {
        return true;
    }

    @Override
    public void erase(long userId) {
        DialogueState.deleteById(userId);
    }
}
