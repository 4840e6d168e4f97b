package app.backcoach.learn;

import app.backcoach.personal.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Which lessons were offered and read. */
@ApplicationScoped
public class LessonPersonalData implements PersonalData {

    record Lesson(String lesson, Instant offeredAt, Instant readAt) {
    }

    @Override
    public String section() {
        return "lessons";
    }

    @Override
    public Object export(long userId) {
        return LessonLog.of(userId).stream().map(l -> new Lesson(l.lesson, l.offeredAt, l.readAt)).toList();
    }

    @Override
    public void erase(long userId) {
        LessonLog.delete("telegramUserId", userId);
    }
}
