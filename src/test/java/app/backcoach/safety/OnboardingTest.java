package app.backcoach.safety;

import static app.backcoach.testing.Chats.newChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.backcoach.chat.DialogueState;
import app.backcoach.privacy.ConsentRecord;
import app.backcoach.privacy.PrivacyPolicy;
import app.backcoach.testing.ChatScreen;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.testing.People;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /start → consent → red-flag screen, through the fake Bot API, one message edited in place. */
@QuarkusTest
class OnboardingTest {

    private static final List<String> QUESTIONS = List.of("rf-emergency", "rf-today", "rf-history",
            "rf-pattern", "rf-age");
    private final FakeBotApi fake = FakeBotApi.instance();

    @Test
    void consentThenAllNoEndsClearWithConsentAndScreenStored() {
        ChatScreen chat = People.startedAndAgreed();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            chat.tap("Safety check · " + (i + 1) + " of 5", "dlg:rf." + QUESTIONS.get(i) + ".no");
        }

        chat.awaitMessage("Nothing in your answers stands in the way");
        await().until(() -> latestScreen(chat.chatId()).isPresent());
        assertThat(latestScreen(chat.chatId()).get().outcome).isEqualTo(SafetyScreen.Outcome.CLEAR);
        ConsentRecord consent = QuarkusTransaction.requiringNew().call(() -> ConsentRecord.latest(chat.chatId()).orElseThrow());
        assertThat(consent.decision).isEqualTo(ConsentRecord.Decision.GIVEN);
        assertThat(consent.policyVersion).isEqualTo(PrivacyPolicy.VERSION);
        // Consent, seven questions and the outcome lived in one message; the profile starts below it.
        assertThat(chat.awaitMessage("Your profile · 1 of 9").path("text").asText()).contains("Skipping uses UTC.");
        assertThat(chat.messages()).hasSize(3);
        assertThat(dialogue(chat.chatId()).orElseThrow().dialogue).isEqualTo("pf");
    }

    @Test
    void theProfileTakesTapsTypingAndSkipsAndSavesDefaultsForTheRest() {
        ChatScreen chat = People.startedAndAgreed();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            chat.tap("Safety check · " + (i + 1) + " of 5", "dlg:rf." + QUESTIONS.get(i) + ".no");
        }
        chat.awaitMessage("Your profile · 1 of 9");
        fake.pushText(chat.chatId(), "Vienna");
        chat.tap("Your profile · 2 of 9", "dlg:pf.checkin.0700");
        chat.tap("Your profile · 3 of 9", "dlg:pf.workdays.mon-sat");
        for (String step : List.of("workhours", "reminders", "quiet", "phase", "equipment")) {
            int number = List.of("timezone", "checkin", "workdays", "workhours", "reminders", "quiet", "phase",
                    "equipment", "length").indexOf(step) + 1;
            chat.tap("Your profile · " + number + " of 9", "dlg:pf." + step + ".skip");
        }
        chat.tap("Your profile · 9 of 9", "dlg:pf.length.20");

        JsonNode summary = chat.awaitMessage("Your profile is set.");
        assertThat(summary.path("text").asText()).contains("Time zone: Europe/Vienna", "Morning check-in: 07:00",
                "Monday to Saturday", "09:00–17:00", "Every 90 minutes", "Recovering", "20 minutes");
        app.backcoach.profile.UserProfile profile = QuarkusTransaction.requiringNew().call(() ->
                app.backcoach.profile.UserProfile.<app.backcoach.profile.UserProfile>findById(chat.chatId()));
        assertThat(profile.timeZone).isEqualTo("Europe/Vienna");
        assertThat(profile.checkinTime).isEqualTo(java.time.LocalTime.of(7, 0));
        assertThat(profile.sessionMinutes).isEqualTo(20);
        // The first check-in follows set-up at once, in a message of its own.
        JsonNode checkin = chat.awaitMessage("How is your back right now?");
        assertThat(checkin.path("message_id").asLong()).isNotEqualTo(summary.path("message_id").asLong());
        assertThat(dialogue(chat.chatId())).map(state -> state.dialogue).hasValue("ci");
    }

    @Test
    void possibleCaudaEquinaSignsEndTheScreenAtOnceWithEmergencyAdvice() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.yes");

        JsonNode advice = chat.awaitMessage("Please get emergency care now");
        assertThat(advice.path("text").asText()).contains("emergency department now", "112", "999", "911",
                "don’t exercise");
        assertThat(chat.buttons(advice)).isEmpty();
        await().until(() -> latestScreen(chat.chatId()).isPresent());
        assertThat(latestScreen(chat.chatId()).get().outcome).isEqualTo(SafetyScreen.Outcome.URGENT);
        assertThat(latestScreen(chat.chatId()).get().answers).isEqualTo("{\"rf-emergency\":\"yes\"}");
    }

    @Test
    void anyOtherRedFlagPausesThePlanAndPointsToAClinician() {
        ChatScreen chat = People.startedAndAgreed();
        for (String question : QUESTIONS) {
            int number = QUESTIONS.indexOf(question) + 1;
            chat.tap("Safety check · " + number + " of 5", "dlg:rf." + question + (question.equals("rf-history") ? ".yes" : ".no"));
        }

        assertThat(chat.awaitMessage("Please check with a clinician before we start").path("text").asText())
                .contains("paused");
        await().until(() -> latestScreen(chat.chatId()).isPresent());
        assertThat(latestScreen(chat.chatId()).get().outcome).isEqualTo(SafetyScreen.Outcome.REFER);
    }

    @Test
    void decliningIsRespectedAndStoresNothingAboutHealth() {
        long id = newChat();
        ChatScreen chat = new ChatScreen(fake, id);
        fake.pushText(id, "/start");
        chat.tap("Your consent", "dlg:cs.consent.decline");

        chat.awaitMessage("I won’t store anything about your health");
        await().until(() -> QuarkusTransaction.requiringNew().call(() -> ConsentRecord.latest(id)).isPresent());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ConsentRecord.latest(id).orElseThrow().decision))
                .isEqualTo(ConsentRecord.Decision.DECLINED);
        assertThat(latestScreen(id)).isEmpty();
        assertThat(dialogue(id)).isEmpty();
    }

    @Test
    void backGoesToThePreviousQuestionAndTheAnswerIsStoredAtOnce() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        await().until(() -> dialogue(chat.chatId()).map(d -> d.step).orElse("").equals("rf-today"));
        assertThat(dialogue(chat.chatId()).orElseThrow().progress).contains("\"rf-emergency\":\"no\"");

        chat.tap("Safety check · 2 of 5", "dlg:rf.rf-today.back");

        await().until(() -> dialogue(chat.chatId()).map(d -> d.step).orElse("").equals("rf-emergency"));
        assertThat(chat.awaitMessage("Safety check · 1 of 5").path("text").asText()).contains("bladder");
    }

    @Test
    void aTapOnAClosedQuestionSaysSoAndShowsWhereThePersonIsNow() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.no");
        await().until(() -> dialogue(chat.chatId()).map(d -> d.step).orElse("").equals("rf-today"));

        // An old screenshot of the first question: its button no longer matches the open step.
        int stale = fake.pushCallback(chat.chatId(), 999, "dlg:rf.rf-emergency.yes");

        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(c -> ("cq" + stale).equals(c.params().path("callback_query_id").asText())
                        && c.params().path("text").asText().equals("This question has closed.")));
        await().until(() -> chat.messages().stream().filter(m -> m.path("text").asText().contains("Safety check · 2 of 5")).count() == 2);
        assertThat(latestScreen(chat.chatId())).isEmpty();
    }

    @Test
    void aDoubleTapCountsOnceAndShowsNothingTwice() {
        ChatScreen chat = People.startedAndAgreed();
        long message = chat.awaitMessage("Safety check · 1 of 5").path("message_id").asLong();
        fake.pushCallback(chat.chatId(), message, "dlg:rf.rf-emergency.no");
        int second = fake.pushCallback(chat.chatId(), message, "dlg:rf.rf-emergency.no");

        await().until(() -> fake.calls("answerCallbackQuery").stream()
                .anyMatch(c -> ("cq" + second).equals(c.params().path("callback_query_id").asText())));
        assertThat(chat.awaitMessage("Safety check · 2 of 5").path("message_id").asLong()).isEqualTo(message);
        assertThat(chat.messages().stream().filter(m -> m.path("text").asText().contains("Safety check")).count())
                .isEqualTo(1);
        assertThat(dialogue(chat.chatId()).orElseThrow().step).isEqualTo("rf-today");
    }

    @Test
    void typingInsteadOfTappingGetsAHintAndTheQuestionAgain() {
        ChatScreen chat = People.startedAndAgreed();
        fake.pushText(chat.chatId(), "no, none of that");

        chat.awaitMessage("Please answer with the buttons");
        await().until(() -> chat.messages().stream().filter(m -> m.path("text").asText().contains("Safety check · 1 of 5")).count() == 2);
        assertThat(dialogue(chat.chatId()).orElseThrow().step).isEqualTo("rf-emergency");
    }

    @Test
    void cancelLeavesTheDialogueAndStartPicksUpAtTheScreen() {
        ChatScreen chat = People.startedAndAgreed();
        fake.pushText(chat.chatId(), "/cancel");
        chat.awaitMessage("Stopped.");
        await().until(() -> dialogue(chat.chatId()).isEmpty());

        fake.pushText(chat.chatId(), "/start");

        // Consent was given, so set-up resumes at the safety screen, not at the consent question.
        await().until(() -> chat.messages().stream().filter(m -> m.path("text").asText().contains("Safety check · 1 of 5")).count() == 2);
        assertThat(chat.messages().stream().filter(m -> m.path("text").asText().contains("Your consent")).count()).isZero();
    }

    @Test
    void afterAReferralAClinicianClearanceLiftsThePause() {
        ChatScreen chat = People.startedAndAgreed();
        for (String question : QUESTIONS) {
            int number = QUESTIONS.indexOf(question) + 1;
            chat.tap("Safety check · " + number + " of 5", "dlg:rf." + question + (question.equals("rf-pattern") ? ".yes" : ".no"));
        }
        JsonNode advice = chat.awaitMessage("Please check with a clinician before we start");
        assertThat(chat.buttons(advice)).singleElement().asString().startsWith("clr:ok.");
        chat.tapFirst(advice, "clr:ok.");

        chat.awaitMessage("Glad you were checked");
        chat.awaitMessage("Your profile · 1 of 9");
        await().until(() -> latestScreen(chat.chatId()).map(screen -> screen.clearedAt != null).orElse(false));
        assertThat(latestScreen(chat.chatId()).get().pausesPlan()).isFalse();
    }

    @Test
    void afterAnEmergencyStartRemindsThatThePlanIsPausedAndOffersTheClearance() {
        ChatScreen chat = People.startedAndAgreed();
        chat.tap("Safety check · 1 of 5", "dlg:rf.rf-emergency.yes");
        chat.awaitMessage("Please get emergency care now");

        fake.pushText(chat.chatId(), "/start");

        JsonNode reminder = chat.awaitMessage("Your plan is paused: please get emergency care");
        assertThat(reminder.path("text").asText()).contains("emergency department now", "112");
        assertThat(chat.buttons(reminder)).singleElement().asString().startsWith("clr:ask.");
    }

    @Test
    void aDeepLinkPayloadIsKeptForAttributionOnlyOnceAndOnlyIfValid() {
        long first = newChat();
        fake.pushText(first, "/start clinic-7");
        fake.pushText(first, "/start other_code");
        new ChatScreen(fake, first).awaitMessage("Your consent");
        long second = newChat();
        fake.pushText(second, "/start not a <valid> payload");
        new ChatScreen(fake, second).awaitMessage("Your consent");

        await().until(() -> fake.sentMessages(first).size() >= 4);
        assertThat(payload(first)).isEqualTo("clinic-7");
        assertThat(payload(second)).isNull();
    }

    @Test
    void withdrawingConsentIsOneTapAndErasesTheHealthAnswers() {
        ChatScreen chat = People.startedAndAgreed();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            chat.tap("Safety check · " + (i + 1) + " of 5", "dlg:rf." + QUESTIONS.get(i) + ".no");
        }
        chat.awaitMessage("stands in the way");
        await().until(() -> latestScreen(chat.chatId()).isPresent());
        fake.pushText(chat.chatId(), "/privacy");

        chat.tap("Privacy: what I store", "consent:withdraw");

        chat.awaitMessage("Consent withdrawn");
        await().until(() -> latestScreen(chat.chatId()).isEmpty());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ConsentRecord.latest(chat.chatId()).orElseThrow().decision))
                .isEqualTo(ConsentRecord.Decision.WITHDRAWN);
    }

    @Test
    void aSharedLocationAnswersTheTimeZoneQuestion() throws Exception {
        ChatScreen chat = People.startedAndAgreed();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            chat.tap("Safety check · " + (i + 1) + " of 5", "dlg:rf." + QUESTIONS.get(i) + ".no");
        }
        chat.awaitMessage("Your profile · 1 of 9");

        fake.pushRaw(location(chat.chatId(), 48.2082, 16.3738));

        chat.awaitMessage("Your profile · 2 of 9");
        assertThat(dialogue(chat.chatId()).orElseThrow().progress).contains("\"timezone\":\"Europe/Vienna\"");
    }

    @Test
    void aLocationNobodyAskedForGetsAFriendlyLine() throws Exception {
        long id = newChat();
        fake.pushRaw(location(id, 51.5072, -0.1276));

        assertThat(app.backcoach.testing.Chats.awaitReply(id)).contains("only use a location to set your time zone");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode location(long chat, double latitude, double longitude)
            throws Exception {
        return (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"message": {"message_id": 1, "date": 1767225600, "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "T", "language_code": "en"},
                 "location": {"latitude": %s, "longitude": %s}}}""".formatted(chat, chat, latitude, longitude));
    }

    private static String payload(long userId) {
        return QuarkusTransaction.requiringNew().call(() ->
                app.backcoach.user.BotUser.<app.backcoach.user.BotUser>findById(userId).startPayload);
    }


    private static Optional<SafetyScreen> latestScreen(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> SafetyScreen.latest(userId));
    }

    private static Optional<DialogueState> dialogue(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> DialogueState.<DialogueState>findByIdOptional(userId));
    }
}
