package app.backcoach.routine;

import app.backcoach.chat.Command;
import app.backcoach.chat.CommandContext;
import app.backcoach.chat.CommandName;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.safety.SafetyPause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** /travel and /stiff: a question, then the routine; never while a red flag waits for a clinician. */
@ApplicationScoped
@Transactional
public class RoutineCommands {

    private final DialogueEngine dialogues;
    private final SafetyPause pause;

    public RoutineCommands(DialogueEngine dialogues, SafetyPause pause) {
        this.dialogues = dialogues;
        this.pause = pause;
    }

    void start(CommandContext context, String dialogue) {
        if (pause.remindIfPaused(context.chatId(), context.userId(), context.languageCode())) {
            return;
        }
        dialogues.start(context.newMessage(), dialogue);
    }

    @ApplicationScoped
    public static class TravelCommand implements Command {
        private final RoutineCommands routines;

        public TravelCommand(RoutineCommands routines) {
            this.routines = routines;
        }

        @Override
        public CommandName name() {
            return CommandName.TRAVEL;
        }

        @Override
        public void execute(CommandContext context) {
            routines.start(context, TravelFlow.CODE);
        }
    }

    @ApplicationScoped
    public static class StiffCommand implements Command {
        private final RoutineCommands routines;

        public StiffCommand(RoutineCommands routines) {
            this.routines = routines;
        }

        @Override
        public CommandName name() {
            return CommandName.STIFF;
        }

        @Override
        public void execute(CommandContext context) {
            routines.start(context, StiffFlow.CODE);
        }
    }
}
