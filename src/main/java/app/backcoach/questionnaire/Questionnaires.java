package app.backcoach.questionnaire;

import java.util.List;
import java.util.Optional;

/** The questionnaires in use, in file-name order (the order a round asks them in). */
public record Questionnaires(List<Questionnaire> all) {

    public Questionnaires {
        all = List.copyOf(all);
    }

    public Optional<Questionnaire> get(String id) {
        return all.stream().filter(questionnaire -> questionnaire.id().equals(id)).findFirst();
    }
}
