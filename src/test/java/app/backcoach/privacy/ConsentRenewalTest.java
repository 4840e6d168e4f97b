package app.backcoach.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.privacy.ConsentRecord.Decision;
import app.backcoach.profile.ProfileService;
import app.backcoach.safety.SafetyScreen;
import app.backcoach.schedule.Scheduler;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.sender.OutboxMessage;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A new policy version asks people who agreed to an older one again, at their next contact: what is new, then
 * the consent question. Agreeing carries on with their data as it was; declining erases their health data.
 */
@QuarkusTest
class ConsentRenewalTest {

    private static final String OLD_VERSION = "2026-11-25";
    private static final String CHANGED = "My privacy policy has changed";
    private static final String QUESTION = "Your consent";
    private static final String PAIN = "How is your back right now?";

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    ProfileService profiles;

    @Inject
    ConsentService consent;

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Test
    void theVersionIsBumped() {
        assertThat(PrivacyPolicy.VERSION).isEqualTo("2026-12-06.2").isNotEqualTo(OLD_VERSION);
    }

    @Test
    void checkinAsksAgainWithWhatIsNewAndAgreeingGoesOnAsBefore() {
        ChatScreen chat = agreedToTheOldPolicy();

        fake.pushText(chat.chatId(), "/checkin");

        String changed = chat.awaitMessage(CHANGED).path("text").asText();
        assertThat(changed).contains("morning check-ins", "three levels", "leg symptoms", "/share",
                "short questionnaires", "PEG", "/privacy");
        chat.tap(QUESTION, "dlg:cs.consent.agree");
        chat.awaitMessage("Everything goes on as before");
        assertThat(latestConsent(chat)).satisfies(record -> {
            assertThat(record.decision).isEqualTo(Decision.GIVEN);
            assertThat(record.policyVersion).isEqualTo(PrivacyPolicy.VERSION);
        });
        // Their data is as it was: no new safety check, and the check-in opens.
        assertThat(screens(chat)).isEqualTo(1);
        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage(PAIN);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void todayProgressAndStartAskAgainToo() {
        ChatScreen today = agreedToTheOldPolicy();
        fake.pushText(today.chatId(), "/today");
        today.awaitMessage(CHANGED);
        today.awaitButtons("dlg:cs.consent.");

        ChatScreen progress = agreedToTheOldPolicy();
        fake.pushText(progress.chatId(), "/progress");
        progress.awaitMessage(CHANGED);
        progress.awaitButtons("dlg:cs.consent.");

        ChatScreen start = agreedToTheOldPolicy();
        fake.pushText(start.chatId(), "/start");
        start.awaitMessage("Hi, I’m Back Coach");
        start.awaitMessage(CHANGED);
        start.awaitButtons("dlg:cs.consent.");
    }

    @Test
    void decliningTheNewPolicyErasesTheHealthDataItCovered() {
        ChatScreen chat = agreedToTheOldPolicy();
        fake.pushText(chat.chatId(), "/checkin");

        chat.tap(QUESTION, "dlg:cs.consent.decline");

        chat.awaitMessage("Consent withdrawn");
        assertThat(latestConsent(chat).decision).isEqualTo(Decision.WITHDRAWN);
        assertThat(screens(chat)).isZero();
        fake.pushText(chat.chatId(), "/checkin");
        chat.awaitMessage("I need your consent first");
    }

    @Test
    void consentToTheOldPolicyCanStillBeWithdrawnFromPrivacy() {
        ChatScreen chat = agreedToTheOldPolicy();
        fake.pushText(chat.chatId(), "/privacy");

        chat.tap("Policy version " + PrivacyPolicy.VERSION, "consent:withdraw");

        chat.awaitMessage("Consent withdrawn");
        assertThat(screens(chat)).isZero();
    }

    @Test
    void theMorningPromptAsksOnceInsteadOfFallingSilent() {
        ChatScreen chat = agreedToTheOldPolicy();

        morningDueNow(chat);
        scheduler.runDue();
        chat.awaitMessage(CHANGED);
        chat.awaitButtons("dlg:cs.consent.");
        // The next morning, with the question still open, nothing more is sent.
        morningDueNow(chat);
        scheduler.runDue();

        assertThat(queued(chat, CHANGED)).isOne();
        assertThat(queued(chat, PAIN)).isZero();
    }

    @Test
    void aPersonWhoWithdrewIsNotAskedByTheMorningPrompt() {
        ChatScreen chat = agreedToTheOldPolicy();
        QuarkusTransaction.requiringNew().run(() -> consent.record(chat.chatId(), Decision.WITHDRAWN));

        morningDueNow(chat);
        scheduler.runDue();

        assertThat(queued(chat, CHANGED)).isZero();
    }

    /** Ready to check in, but the consent on record covers the previous policy. */
    private ChatScreen agreedToTheOldPolicy() {
        ChatScreen chat = People.readyToCheckIn(profiles, consent);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("update ConsentRecord set policyVersion = ?1 where telegramUserId = ?2")
                .setParameter(1, OLD_VERSION).setParameter(2, chat.chatId()).executeUpdate());
        assertThat(QuarkusTransaction.requiringNew().call(() -> consent.hasConsent(chat.chatId()))).isFalse();
        return chat;
    }

    private void morningDueNow(ChatScreen chat) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                        "update ScheduledJob set dueAt = ?1 where telegramUserId = ?2 and kind = ?3")
                .setParameter(1, clock.instant().minusSeconds(60)).setParameter(2, chat.chatId())
                .setParameter(3, ScheduledJob.Kind.MORNING).executeUpdate());
    }

    private long queued(ChatScreen chat, String text) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("chatId", chat.chatId()))
                .stream().filter(row -> row.payload.contains(text)).count();
    }

    private ConsentRecord latestConsent(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.latest(chat.chatId()).orElseThrow());
    }

    private long screens(ChatScreen chat) {
        return QuarkusTransaction.requiringNew().call(() -> SafetyScreen.count("telegramUserId", chat.chatId()));
    }
}
