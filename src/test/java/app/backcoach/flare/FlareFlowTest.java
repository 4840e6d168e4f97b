package app.backcoach.flare;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Answers;
import app.backcoach.chat.DialogueDefinition.Next;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writing dialogue's table and what it keeps, without a chat (the chat is FlarePlanTest's). */
class FlareFlowTest {

    @Test
    void aPositionAsksForASecondOneAndDontKnowGoesOnToWalking() {
        assertThat(FlareFlow.ROUTES.next(FlareFlow.POSITION, new Answers(Map.of("position", "front"))))
                .isEqualTo(new Next.Step("position-2"));
        assertThat(FlareFlow.ROUTES.next(FlareFlow.POSITION, new Answers(Map.of("position", "unknown"))))
                .isEqualTo(new Next.Step("walk"));
        assertThat(FlareFlow.ROUTES.next(FlareFlow.POSITION, Answers.none())).isEqualTo(new Next.Step("walk"));
        assertThat(FlareFlow.ROUTES.next(FlareFlow.NOTE, Answers.none())).isEqualTo(new Next.End(FlareFlow.WRITTEN));
    }

    @Test
    void positionsAreKeptBestFirstWithoutRepeats() {
        assertThat(FlareFlow.positions(new Answers(Map.of("position", "walking", "position-2", "side-pillow"))))
                .containsExactly("walking", "side-pillow");
        assertThat(FlareFlow.positions(new Answers(Map.of("position", "walking", "position-2", "walking"))))
                .containsExactly("walking");
        assertThat(FlareFlow.positions(new Answers(Map.of("position", "back-chair", "position-2", "just-one"))))
                .containsExactly("back-chair");
    }

    @Test
    void aNoteIsTrimmedAndKeptOnlyWhenShort() {
        assertThat(FlareFlow.readNote("  It passes. <Breathe>  ")).hasValue("It passes. <Breathe>");
        assertThat(FlareFlow.readNote("   ")).isEmpty();
        assertThat(FlareFlow.readNote("x".repeat(FlareFlow.NOTE_MAX))).isPresent();
        assertThat(FlareFlow.readNote("x".repeat(FlareFlow.NOTE_MAX + 1))).isEmpty();
    }
}
