package app.backcoach.chat;

import app.backcoach.chat.DialogueDefinition.Next;
import app.backcoach.sender.Keyboard;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import app.backcoach.support.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks every dialogue: shows a question in one message, takes the tapped answer, stores it at once,
 * follows the dialogue's table to the next question (edited into the same message) or to its end.
 * Taps on anything but the question now open, or from an expired dialogue, close politely.
 */
@ApplicationScoped
public class DialogueEngine implements FormattedButton {

    static final String PREFIX = "dlg";
    static final String BACK = "back";
    static final String SKIP = "skip";
    private static final int SHORT_LABEL = 3;
    private static final int SCALE_ROW = 6;
    /**
     * The dialogue, the question and the choice: {@code dlg:rf.rf-bladder.no}; the choice may also be back or skip
     * (never a question's own value). Codes run to 16 characters (the column's width) for dialogues generated from
     * data, such as questionnaires ({@code dlg:q-peg.pain.4}).
     */
    private static final ButtonFormat FORMAT = ButtonFormat.of(PREFIX, ButtonFormat.code(16), ButtonFormat.code(16),
            ButtonFormat.code(16));

    /** What is kept between taps, as JSON in {@link DialogueState#progress}. */
    record Progress(Map<String, String> answers, List<String> path) {
    }

    private final Instance<DialogueFlow> flowBeans;
    private final Instance<DialogueFlow.GeneratedFlows> flowSources;
    private final MessageSender sender;
    private final Texts texts;
    private final Clock clock;
    private final StoredJson json;
    private Map<String, DialogueFlow> flows;

    public DialogueEngine(Instance<DialogueFlow> flowBeans, Instance<DialogueFlow.GeneratedFlows> flowSources,
                          MessageSender sender, Texts texts, Clock clock, StoredJson json) {
        this.flowBeans = flowBeans;
        this.flowSources = flowSources;
        this.sender = sender;
        this.texts = texts;
        this.clock = clock;
        this.json = json;
    }

    /** Starts (or restarts) a dialogue; shown in the context's message when there is one. */
    public void start(DialogueContext context, String code) {
        start(context, code, flow(code).definition().first().id());
    }

    /** Starts a dialogue at one of its steps (a single setting, say). */
    public void start(DialogueContext context, String code, String questionId) {
        start(context, code, questionId, Answers.none());
    }

    /**
     * Starts a dialogue at one of its steps with facts known beforehand (stored with the answers,
     * so the table can route on them, e.g. whether there was a session yesterday).
     */
    public void start(DialogueContext context, String code, String questionId, Answers given) {
        DialogueDefinition definition = flow(code).definition();
        Question first = definition.step(questionId)
                .orElseThrow(() -> new IllegalArgumentException("Dialogue " + code + " has no step " + questionId));
        // A dialogue open before is overwritten in place: one UPDATE, where a DELETE and an INSERT were two.
        DialogueState state = DialogueState.<DialogueState>findByIdOptional(context.userId()).orElseGet(() -> {
            DialogueState fresh = new DialogueState();
            fresh.telegramUserId = context.userId();
            return fresh;
        });
        state.dialogue = code;
        state.definitionVersion = definition.version();
        state.startedAt = clock.instant();
        state.messageId = context.messageId();
        moveTo(state, first, new Progress(given.values(), List.of()));
        if (!state.isPersistent()) {
            state.persist();
        }
        ask(context, definition, first, false);
    }

    /** The dialogue the person is in, if it is still open. */
    public Optional<DialogueState> active(long userId) {
        return DialogueState.<DialogueState>findByIdOptional(userId)
                .filter(state -> state.expiresAt.isAfter(clock.instant()))
                .filter(this::current);
    }

    /** Whether the stored dialogue is one this build still declares, in the version it was started in. */
    private boolean current(DialogueState state) {
        DialogueFlow flow = flows().get(state.dialogue);
        return flow != null && flow.definition().version() == state.definitionVersion;
    }

    /** The dialogue whose question this is, if it stayed open past its timeout and was not ended yet. */
    private Optional<DialogueState> lapsed(long userId, String dialogue, String step) {
        return DialogueState.<DialogueState>findByIdOptional(userId)
                .filter(state -> !state.expiresAt.isAfter(clock.instant()))
                .filter(state -> state.dialogue.equals(dialogue) && state.step.equals(step))
                .filter(this::current);
    }

    /** The timeout end: the row goes, and the flow says so where the question was (keeping what it keeps). */
    private void expire(DialogueContext context, DialogueState state) {
        state.delete();
        String key = flow(state.dialogue).expiredKey(new Answers(read(state).answers()));
        show(context, texts.get(context.languageCode(), key));
    }

    /** Whether the open question takes a typed answer (a time, a place), so typing is not a mistake there. */
    public boolean takesTyping(long userId) {
        return active(userId).flatMap(open -> flow(open.dialogue).definition().step(open.step))
                .filter(Question::acceptsTyping).isPresent();
    }

    /** Leaves any dialogue; returns whether there was one. */
    public boolean cancel(long userId) {
        return DialogueState.deleteById(userId);
    }

    /** Shows the open question again, as a new message at the bottom of the chat. */
    public boolean reask(DialogueContext context) {
        Optional<DialogueState> state = active(context.userId());
        state.ifPresent(open -> {
            DialogueDefinition definition = flow(open.dialogue).definition();
            ask(context.below(), definition,
                    definition.step(open.step).orElseThrow(), read(open).path().size() > 1);
        });
        return state.isPresent();
    }

    /** Ends a dialogue's message with a text: in place when the message is known. */
    public void show(DialogueContext context, String html) {
        show(context, html, null);
    }

    /** Ends a dialogue's message with a text and buttons that lead on (or null for none). */
    public void show(DialogueContext context, String html, Keyboard keyboard) {
        sender.replace(context.chatId(), context.messageId(), html, keyboard);
    }

    @Override
    public ButtonFormat format() {
        return FORMAT;
    }

    @Override
    public Optional<String> handle(Incoming.ButtonTap tap, ButtonFormat.Values parts) {
        DialogueContext context = new DialogueContext(tap.chat().id(), tap.from().userId(),
                tap.from().languageCode(), tap.messageId());
        Optional<DialogueState> open = active(context.userId())
                .filter(state -> state.dialogue.equals(parts.word(0)) && state.step.equals(parts.word(1)));
        if (open.isEmpty()) {
            Optional<DialogueState> lapsed = lapsed(context.userId(), parts.word(0), parts.word(1));
            if (lapsed.isPresent()) {
                expire(context, lapsed.get());
                return Optional.empty();
            }
            // Show where the person is now, unless the tapped message already shows it (a double tap).
            if (active(context.userId()).filter(state -> !Objects.equals(state.messageId, tap.messageId())).isPresent()) {
                reask(context);
            }
            return Optional.of(texts.get(context.languageCode(), "callback.closed"));
        }
        DialogueState state = open.get();
        DialogueFlow flow = flow(state.dialogue);
        DialogueDefinition definition = flow.definition();
        Question question = definition.step(state.step).orElseThrow();
        Progress progress = read(state);
        String choice = parts.word(2);
        state.messageId = context.messageId();

        if (BACK.equals(choice) && progress.path().size() > 1) {
            List<String> path = new ArrayList<>(progress.path());
            path.remove(path.size() - 1);
            Question previous = definition.step(path.get(path.size() - 1)).orElseThrow();
            state.step = previous.id();
            state.progress = write(new Progress(progress.answers(), path));
            touch(state);
            ask(context, definition, previous, path.size() > 1);
            return Optional.empty();
        }
        boolean skipped = SKIP.equals(choice) && question.skippable();
        if (!skipped && !question.allows(choice)) {
            return Optional.of(texts.get(context.languageCode(), "callback.closed"));
        }
        advance(state, flow, question, progress, skipped ? null : choice, context);
        return Optional.empty();
    }

    /**
     * A typed answer to the open question, for questions that take one (a time, a time zone).
     *
     * @return false when nothing is open, the question takes no typing, or the text cannot be read
     */
    public boolean answerTyped(DialogueContext context, String text) {
        return answerOpenQuestion(context, question -> question.acceptsTyping()
                ? question.typed().read(text.strip()) : Optional.empty());
    }

    /**
     * A shared location as the answer to the open question, for questions that read one.
     *
     * @return false when nothing is open, the question reads no location, or nothing could be read from it
     */
    public boolean answerLocated(DialogueContext context, double latitude, double longitude) {
        return answerOpenQuestion(context, question -> question.acceptsLocation()
                ? question.located().read(latitude, longitude) : Optional.empty());
    }

    /** An answer sent as a message (not a tap) to the open question, if {@code reader} makes one of it. */
    private boolean answerOpenQuestion(DialogueContext context, Function<Question, Optional<String>> reader) {
        Optional<DialogueState> open = active(context.userId());
        if (open.isEmpty()) {
            return false;
        }
        DialogueState state = open.get();
        DialogueFlow flow = flow(state.dialogue);
        Question question = flow.definition().step(state.step).orElseThrow();
        Optional<String> value = reader.apply(question);
        if (value.isEmpty()) {
            return false;
        }
        // The answer was sent below the question, so the next one goes below it too.
        advance(state, flow, question, read(state), value.get(), context.below());
        return true;
    }

    /** Stores the answer at once and follows the table: the next question, or the dialogue's end. */
    private void advance(DialogueState state, DialogueFlow flow, Question question, Progress progress, String value,
                         DialogueContext context) {
        DialogueDefinition definition = flow.definition();
        Answers answers = new Answers(progress.answers()).with(question.id(), value);
        flow.answered(context, question, answers);
        Next next = definition.next(question, answers);
        if (next instanceof Next.Step step) {
            Question following = definition.step(step.questionId()).orElseThrow();
            moveTo(state, following, new Progress(answers.values(), progress.path()));
            state.messageId = context.messageId();
            ask(context, definition, following, true);
        } else if (next instanceof Next.End end) {
            state.delete();
            flow.finish(context, end.outcome(), answers);
        }
    }

    private void moveTo(DialogueState state, Question question, Progress progress) {
        List<String> path = new ArrayList<>(progress.path());
        path.add(question.id());
        state.step = question.id();
        state.progress = write(new Progress(progress.answers(), path));
        touch(state);
    }

    private void touch(DialogueState state) {
        Instant now = clock.instant();
        state.updatedAt = now;
        state.expiresAt = now.plus(flow(state.dialogue).definition().timeout());
    }

    private void ask(DialogueContext context, DialogueDefinition definition, Question question, boolean canGoBack) {
        String language = context.languageCode();
        DialogueFlow flow = flow(definition.code());
        String html = flow.prompt(context, question, texts);
        List<List<Keyboard.Button>> rows = new ArrayList<>();
        List<Keyboard.Button> choices = question.choices().stream()
                .map(choice -> button(definition, question, choice.value(), flow.label(context, question, choice, texts)))
                .toList();
        if (choices.size() <= 2) {
            rows.add(choices);
        } else if (choices.stream().allMatch(choice -> choice.label().length() <= SHORT_LABEL)) {
            // Scales (0-10, 1-5) fit a phone in rows of six.
            for (int from = 0; from < choices.size(); from += SCALE_ROW) {
                rows.add(choices.subList(from, Math.min(choices.size(), from + SCALE_ROW)));
            }
        } else {
            choices.forEach(choice -> rows.add(List.of(choice)));
        }
        List<Keyboard.Button> navigation = new ArrayList<>();
        if (canGoBack) {
            navigation.add(button(definition, question, BACK, texts.get(language, "dialogue.back")));
        }
        if (question.skippable()) {
            navigation.add(button(definition, question, SKIP, texts.get(language, "dialogue.skip")));
        }
        if (!navigation.isEmpty()) {
            rows.add(navigation);
        }
        show(context, html, Keyboard.of(rows));
    }

    private static Keyboard.Button button(DialogueDefinition definition, Question question, String value, String label) {
        return FORMAT.data(definition.code(), question.id(), value).button(label);
    }

    private DialogueFlow flow(String code) {
        DialogueFlow flow = flows().get(code);
        if (flow == null) {
            throw new IllegalArgumentException("No dialogue " + code);
        }
        return flow;
    }

    /** Built on first use: flows depend on the engine, so it cannot list them while it is created. */
    private synchronized Map<String, DialogueFlow> flows() {
        if (flows == null) {
            flows = java.util.stream.Stream.concat(flowBeans.stream(),
                            flowSources.stream().flatMap(source -> source.flows().stream()))
                    .collect(Collectors.toMap(flow -> flow.definition().code(), flow -> flow, (a, b) -> {
                        throw new IllegalStateException("Two dialogues with code " + a.definition().code());
                    }, LinkedHashMap::new));
        }
        return flows;
    }

    private Progress read(DialogueState state) {
        return json.read(state.progress, Progress.class, "dialogue progress");
    }

    private String write(Progress progress) {
        return json.write(progress);
    }
}
