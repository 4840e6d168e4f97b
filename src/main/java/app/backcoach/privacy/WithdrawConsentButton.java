package app.backcoach.privacy;

import app.backcoach.chat.ButtonAction;
import app.backcoach.chat.CallbackData;
import app.backcoach.chat.Incoming;
import app.backcoach.privacy.ConsentRecord.Decision;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** One tap withdraws consent: recorded, health data erased, nothing more processed about it. */
@ApplicationScoped
public class WithdrawConsentButton implements ButtonAction {

    static final CallbackData WITHDRAW = new CallbackData("consent", "withdraw");

    private final ConsentService consent;
    private final PersonalDataService personalData;
    private final MessageSender sender;
    private final Texts texts;

    public WithdrawConsentButton(ConsentService consent, PersonalDataService personalData, MessageSender sender,
                                 Texts texts) {
        this.consent = consent;
        this.personalData = personalData;
        this.sender = sender;
        this.texts = texts;
    }

    static Keyboard keyboard(Texts texts, String languageCode) {
        return Keyboard.singleRow(button(texts, languageCode));
    }

    public static Keyboard.Button button(Texts texts, String languageCode) {
        return WITHDRAW.button(texts.get(languageCode, "consent.button.withdraw"));
    }

    @Override
    public String prefix() {
        return WITHDRAW.prefix();
    }

    @Override
    public boolean accepts(String argument) {
        return WITHDRAW.argument().equals(argument);
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, String argument) {
        long userId = tap.from().userId();
        if (!consent.mayWithdraw(userId)) {
            return Optional.of(texts.get(tap.from().languageCode(), "callback.closed"));
        }
        consent.record(userId, Decision.WITHDRAWN);
        personalData.eraseHealthData(userId);
        sender.send(tap.chat().id(), texts.get(tap.from().languageCode(), "consent.withdrawn"));
        return Optional.empty();
    }
}
