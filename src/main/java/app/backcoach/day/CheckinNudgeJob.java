package app.backcoach.day;

import app.backcoach.chat.DialogueContext;
import app.backcoach.chat.DialogueEngine;
import app.backcoach.profile.UserProfile;
import app.backcoach.schedule.DueJob;
import app.backcoach.schedule.Outreach;
import app.backcoach.schedule.ScheduledJob;
import app.backcoach.sender.MessageSender;
import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** One gentle nudge when the morning check-in is still unanswered; nothing more. */
@ApplicationScoped
public class CheckinNudgeJob implements DueJob {

    private final DialogueEngine dialogues;
    private final Outreach outreach;
    private final MessageSender sender;
    private final Texts texts;

    public CheckinNudgeJob(DialogueEngine dialogues, Outreach outreach, MessageSender sender, Texts texts) {
        this.dialogues = dialogues;
        this.outreach = outreach;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public ScheduledJob.Kind kind() {
        return ScheduledJob.Kind.NUDGE;
    }

    @Override
    public void run(ScheduledJob job, Instant now) {
        long userId = job.telegramUserId;
        job.delete();
        boolean answered = DailyCheckin.completedOn(userId, job.localDate).isPresent();
        Optional<String> language = UserProfile.<UserProfile>findByIdOptional(userId)
                .flatMap(profile -> outreach.mayContact(profile, now));
        boolean open = dialogues.active(userId).filter(state -> state.dialogue.equals(CheckinFlow.CODE)).isPresent();
        if (answered || language.isEmpty() || !open) {
            return;
        }
        sender.send(userId, texts.get(language.get(), "checkin.nudge"));
        dialogues.reask(new DialogueContext(userId, userId, language.get(), null));
    }
}
