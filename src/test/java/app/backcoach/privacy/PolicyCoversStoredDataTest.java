package app.backcoach.privacy;

import app.backcoach.personal.PersonalData;
import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.text.Texts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy a person consents to names everything that is stored about them: each PersonalData section has
 * its words in the policy, in both languages, and health data (erased on withdrawal) stands under the policy's
 * health heading, the rest above it. A new PersonalData without its line in the policy fails here.
 */
@QuarkusTest
class PolicyCoversStoredDataTest {

    /** Export section → the words that describe it in the English and the German policy. */
    static final Map<String, Words> POLICY_WORDS = Map.ofEntries(
            Map.entry("user", new Words(List.of("Telegram id", "language", "blocked me"),
                    List.of("Telegram-ID", "Sprache", "blockiert"))),
            Map.entry("updates", new Words(List.of("what you send me", "7 days"),
                    List.of("was du mir schickst", "7 Tage"))),
            Map.entry("messages", new Words(List.of("the messages I send you", "7 days"),
                    List.of("Nachrichten, die ich dir schicke", "7 Tage"))),
            Map.entry("consent", new Words(List.of("consent decision", "policy version"),
                    List.of("Entscheidung zur Einwilligung", "Version der Datenschutzhinweise"))),
            Map.entry("profile", new Words(List.of("time zone", "check-in time", "work days", "quiet hours"),
                    List.of("Zeitzone", "Check-in-Zeit", "Arbeitstage", "Ruhezeiten"))),
            Map.entry("scheduled", new Words(List.of("what is due for you", "reminders"),
                    List.of("was für dich ansteht", "Erinnerungen"))),
            Map.entry("lessons", new Words(List.of("lessons"), List.of("Lektionen"))),
            Map.entry("safetyScreens", new Words(
                    List.of("safety check", "your answers", "emergency now", "doctor today", "clinician before starting",
                            "doctor cleared you"),
                    List.of("Sicherheitscheck", "deine Antworten", "sofort Notfall", "heute zum Arzt",
                            "vor dem Start ärztlich abklären", "freigegeben"))),
            Map.entry("checkins", new Words(List.of("morning check-ins", "pain", "stiffness", "sleep"),
                    List.of("Check-ins am Morgen", "Schmerzen", "Steifigkeit", "Schlaf"))),
            Map.entry("plans", new Words(List.of("each day’s plan", "ratings of pain, effort and feeling"),
                    List.of("der Plan jedes Tages", "Bewertung von Schmerz, Anstrengung und Gefühl"))),
            Map.entry("guidedSession", new Words(List.of("guided sessions"), List.of("angeleitete Einheiten"))),
            Map.entry("routines", new Words(List.of("taps on reminders and routines"),
                    List.of("angetippte Erinnerungen und Routinen"))),
            Map.entry("planChanges", new Words(List.of("weekly plan changes"), List.of("Planänderungen der Woche"))),
            Map.entry("safetyEscalations", new Words(
                    List.of("advice I gave to see a clinician because pain stayed high or did not improve: the reason and when"),
                    List.of("mein Rat, dich ärztlich untersuchen zu lassen, weil die Schmerzen hoch blieben oder nicht besser"
                            + " wurden: Grund und Zeitpunkt"))),
            Map.entry("sandboxChat", new Words(List.of("only in the sandbox", "that chat, 7 days"),
                    List.of("nur in der Sandbox", "dieser Chat, 7 Tage"))),
            Map.entry("flarePlan", new Words(List.of("flare-up plan", "your note", "when I offered or showed it"),
                    List.of("Plan für einen Schmerzschub", "deine Notiz", "wann ich ihn angeboten oder gezeigt habe"))),
            Map.entry("clearanceConditions", new Words(List.of("conditions your clinician set when clearing you"),
                    List.of("Bedingungen aus deiner Behandlung"))),
            Map.entry("shares", new Words(List.of("reports you created with /share", "which weeks and which parts"),
                    List.of("Berichte, die du mit /share erstellt hast", "welche Wochen und welche Teile"))),
            Map.entry("questionnaires", new Words(List.of("your answers to short questionnaires", "PEG",
                    "their score and what it suggests"),
                    List.of("deine Antworten auf kurze Fragebögen", "PEG", "ihr Wert und was er nahelegt"))),
            Map.entry("openDialogue", new Words(List.of("the question I’m asking right now"),
                    List.of("die Frage, die ich dir gerade stelle"))));

    /** What the policy must say although it is part of other sections (check-ins, plans) in the export. */
    static final Words ALSO_STORED = new Words(
            List.of("leg symptoms you report during a session and the next morning"),
            List.of("Beschwerden im Bein, die du während einer Einheit und am Morgen danach angibst"));

    record Words(List<String> english, List<String> german) {
        List<String> in(String language) {
            return language.equals("de") ? german : english;
        }
    }

    private static final Map<String, String> HEALTH_HEADING = Map.of("en", "<b>Your back</b>", "de", "<b>Dein Rücken</b>");
    private static final Map<String, String> AFTER_HEALTH = Map.of("en", "<b>Why</b>", "de", "<b>Warum</b>");

    @Inject
    Instance<PersonalData> holders;

    private final Texts texts = new Texts();

    @Test
    void everyKindOfStoredDataHasItsWordsInThePolicy() {
        List<String> sections = holders.stream().map(PersonalData::section).toList();
        assertThat(POLICY_WORDS.keySet())
                .as("each PersonalData section needs its line in privacy.policy and its words here")
                .containsExactlyInAnyOrderElementsOf(sections);
    }

    @Test
    void healthDataStandsUnderTheHealthHeadingAndTheRestAboveIt() {
        for (String language : Texts.LANGUAGES) {
            String policy = texts.get(language, "privacy.policy", "version", PrivacyPolicy.VERSION);
            int health = policy.indexOf(HEALTH_HEADING.get(language));
            int why = policy.indexOf(AFTER_HEALTH.get(language));
            assertThat(health).as(language).isPositive();
            assertThat(why).as(language).isGreaterThan(health);
            String chat = policy.substring(0, health);
            String back = policy.substring(health, why);
            for (PersonalData holder : holders) {
                List<String> words = POLICY_WORDS.get(holder.section()).in(language);
                // Withdrawal erases exactly the health data (PersonalDataService.eraseHealthData).
                assertThat(holder.isHealthData() ? back : chat).as("%s policy, section %s", language, holder.section())
                        .contains(words);
            }
            assertThat(back).as(language).contains(ALSO_STORED.in(language));
        }
    }

    @Test
    void thePolicySaysHowLongAndWhatWithdrawingDoes() {
        assertThat(texts.get("en", "privacy.policy", "version", PrivacyPolicy.VERSION))
                .contains("until you /delete", "7 days", "Kept until you withdraw consent or /delete",
                        "erases your health data at once", "/export", "Policy version " + PrivacyPolicy.VERSION);
        assertThat(texts.get("de", "privacy.policy", "version", PrivacyPolicy.VERSION))
                .contains("bis du /delete nutzt", "7 Tage", "bis du deine Einwilligung widerrufst oder /delete nutzt",
                        "lösche ich deine Gesundheitsdaten sofort", "/export", "Version " + PrivacyPolicy.VERSION);
    }
}
