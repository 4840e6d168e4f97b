package app.backcoach.privacy;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentPersonalData implements PersonalData {

    private final ConsentService consent;

    public ConsentPersonalData(ConsentService consent) {
        this.consent = consent;
    }

    @Override
    public String section() {
        return "consent";
    }

    @Override
    public Object export(long userId) {
        return consent.history(userId);
    }

    @Override
    public void erase(long userId) {
        ConsentRecord.delete("telegramUserId", userId);
    }
}
