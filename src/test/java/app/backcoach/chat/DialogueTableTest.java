package app.backcoach.chat;

import static app.backcoach.chat.DialogueDefinition.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes written as a table: one row per question, checked when the dialogue is declared. */
class DialogueTableTest {

    private static final Question FIRST = Question.scale("first", "x.first", 0, 3, false);
    private static final Question SECOND = Question.scale("second", "x.second", 0, 3, false);

    @Test
    void eachRowLeadsWhereItSays() {
        DialogueDefinition.Table table = DialogueDefinition.table(
                from(FIRST, answers -> answers.is("first", "0") ? new DialogueDefinition.Next.End("none")
                        : new DialogueDefinition.Next.Step("second")),
                from(SECOND, answers -> new DialogueDefinition.Next.End("done")));
        DialogueDefinition definition = new DialogueDefinition("x", 1, List.of(FIRST, SECOND), table, Duration.ofHours(1));

        assertThat(definition.next(FIRST, Answers.none().with("first", "0"))).isEqualTo(new DialogueDefinition.Next.End("none"));
        assertThat(definition.next(FIRST, Answers.none().with("first", "2"))).isEqualTo(new DialogueDefinition.Next.Step("second"));
        assertThat(definition.next(SECOND, Answers.none())).isEqualTo(new DialogueDefinition.Next.End("done"));
    }

    @Test
    void aQuestionWithoutARowIsRefusedWhenDeclared() {
        DialogueDefinition.Table table = DialogueDefinition.table(
                from(FIRST, answers -> new DialogueDefinition.Next.End("done")));
        assertThatThrownBy(() -> new DialogueDefinition("x", 1, List.of(FIRST, SECOND), table, Duration.ofHours(1)))
                .hasMessageContaining("no route from [second]");
    }
}
