package app.backcoach.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The free-text safety net's corpus: what a person might type (English and German) → the first-tier sign it
 * suggests, or nothing. When a phrase is borderline, the table errs on the side of the warning.
 */
class SymptomWordsTest {

    static Stream<Arguments> signs() {
        return Stream.of(
                // bladder
                row("I can't pee since this morning", "bladder"),
                row("I can’t pee properly since yesterday", "bladder"),
                row("cannot empty my bladder", "bladder"),
                row("I couldn't hold my urine on the way to work", "bladder"),
                row("I wet myself last night and I never do that", "bladder"),
                row("some incontinence since the pain started", "bladder"),
                row("trouble peeing today", "bladder"),
                row("I don't feel when I need to pee anymore", "bladder"),
                row("something is off with my bladder", "bladder"),
                row("Not sure if my bladder is ok", "bladder"),
                row("Back is ok but I can't pee", "bladder"),
                row("No numbness and I can't pee", "bladder"),
                row("Ich kann nicht pinkeln", "bladder"),
                row("Ich kann seit gestern kaum noch pinkeln", "bladder"),
                row("Ich kann den Urin nicht halten", "bladder"),
                row("Probleme mit der Blase seit heute früh", "bladder"),
                row("Meine Blase funktioniert nicht richtig", "bladder"),
                row("Inkontinenz seit gestern", "bladder"),
                row("Schwierigkeiten beim Wasserlassen", "bladder"),
                row("Ich habe mich eingenässt", "bladder"),
                row("BLASE", "bladder"),
                // bowel
                row("I can't control my bowels", "bowel"),
                row("I soiled myself this morning", "bowel"),
                row("Something is wrong with my bowels since the pain", "bowel"),
                row("Ich kann den Stuhl nicht halten", "bowel"),
                row("Der Stuhlgang ist seit gestern anders", "bowel"),
                // saddle
                row("numb between my legs", "saddle"),
                row("My groin feels numb", "saddle"),
                row("tingling around my bottom when I sit", "saddle"),
                row("I can't feel the toilet paper when I wipe", "saddle"),
                row("There's no feeling in my inner thighs", "saddle"),
                row("numbness in my genitals", "saddle"),
                row("Taubheit im Schritt", "saddle"),
                row("Mein Po ist taub", "saddle"),
                row("Taubheitsgefühl an der Innenseite der Oberschenkel", "saddle"),
                row("Ich spüre im Intimbereich kaum etwas", "saddle"),
                row("Reithosenanästhesie?", "saddle"),
                row("Kribbeln zwischen den Beinen", "saddle"),
                row("My bum went numb and it hasn't come back", "saddle"),
                // sexual
                row("I can't get an erection since the pain started", "sexual"),
                row("sex feels numb since last week", "sexual"),
                row("erection problems since the back pain", "sexual"),
                row("Seit den Rückenschmerzen keine Erektion mehr", "sexual"),
                row("Beim Sex spüre ich nichts mehr", "sexual"),
                // both legs
                row("pain down both legs now", "both-legs"),
                row("both of my legs are tingling", "both-legs"),
                row("my legs are numb", "both-legs"),
                row("I can't feel my legs properly", "both-legs"),
                row("Schmerzen in beiden Beinen", "both-legs"),
                row("Es zieht in beide Beine", "both-legs"),
                row("Meine Beine sind taub", "both-legs"),
                row("Meine Füße kribbeln beide", "both-legs"),
                // weakness getting worse fast
                row("my left leg is getting weaker by the hour", "weakness-fast"),
                row("My leg keeps giving way and it's getting worse fast", "weakness-fast"),
                row("Suddenly my right leg feels weak", "weakness-fast"),
                row("Mein Bein wird immer schwächer", "weakness-fast"),
                row("Das rechte Bein knickt seit heute plötzlich weg", "weakness-fast"),
                row("Ich kann seit gestern den Fuß nicht mehr heben", "weakness-fast"));
    }

    static Stream<Arguments> nothing() {
        return Stream.of(
                row("no numbness", null),
                row("not numb anywhere", null),
                row("No problems with my bladder or bowels", null),
                row("bladder and bowels are fine", null),
                row("I don't have any numbness between my legs", null),
                row("no tingling in my legs", null),
                row("my legs feel great after the walk", null),
                row("stiff this morning, eased after the walk", null),
                row("pain 6 today, sat on a plane for hours", null),
                row("pins and needles in my left hand from the laptop", null),
                row("my left leg feels a bit weak after the run", null),
                row("my leg has been getting slowly weaker over weeks", null),
                row("I sat on my bottom all day at my desk", null),
                row("had to pee a lot because of all the coffee", null),
                row("Keine Probleme mit der Blase", null),
                row("Blase ist okay", null),
                row("Alles normal mit der Blase", null),
                row("keine Taubheit", null),
                row("nicht taub", null),
                row("Taubheit im Schritt habe ich keine", null),
                row("Meine Beine fühlen sich nach dem Spaziergang super an", null),
                row("Der Rücken zieht ein bisschen beim Sitzen", null),
                row("Ich habe heute viel am Stuhl gesessen", null),
                row("Schritt für Schritt wird es besser", null),
                row("Blasen an den Füßen vom Wandern", null),
                row("Meine Beine sind nicht taub und nicht schwach", null),
                row("I don't think I have numbness in my groin", null),
                row("Stuhlgang normal, Blase auch in Ordnung", null),
                row("Beim Wasserlassen keine Probleme", null),
                row("I stretched both legs before the session", null),
                row("both legs ache after yesterday’s squats", null),
                row("Numbness in groin: no", null),
                row("Blasenprobleme: keine", null),
                row("my saddle on the bike is too hard", null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource({"signs", "nothing"})
    void readsTheSign(String text, String sign) {
        assertThat(SymptomWords.emergencySign(text)).isEqualTo(Optional.ofNullable(sign));
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(signs().count()).isGreaterThanOrEqualTo(40);
        assertThat(nothing().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void emptyTextSuggestsNothing() {
        assertThat(SymptomWords.emergencySign(null)).isEmpty();
        assertThat(SymptomWords.emergencySign("  ")).isEmpty();
    }

    @Test
    void normalisesCaseUmlautsAndApostrophes() {
        assertThat(SymptomWords.normalise("Ich KANN’s nicht, Füße & Gesäß!")).isEqualTo("ich kanns nicht, fuesse gesaess!");
        assertThat(SymptomWords.emergencySign("Taubheit am Gesaess")).isEqualTo(SymptomWords.emergencySign("Taubheit am Gesäß"));
    }

    private static Arguments row(String text, String sign) {
        return Arguments.of(text, sign);
    }
}
