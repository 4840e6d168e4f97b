package app.backcoach.sandbox;

import java.util.List;

/** What the sandbox page shows. Records are sent to the page as JSON. */
public final class SandboxChat {

    private SandboxChat() {
    }

    public record User(long id, String name, String languageCode) {
        User withLanguage(String language) {
            return new User(id, name, language);
        }
    }

    public record Button(String text, String callbackData) {
    }

    public record Attachment(String url, String fileName, String caption) {
    }

    public record Location(double latitude, double longitude) {
    }

    /** A bubble: bot messages carry Telegram HTML, user messages plain text or a location. */
    public record Message(long id, String from, String html, String text, List<List<Button>> keyboard,
                          Attachment photo, Attachment document, Location location, long date, boolean edited) {

        static final String BOT = "bot";
        static final String USER = "user";

        Message edited(String newHtml, List<List<Button>> newKeyboard) {
            return new Message(id, from, newHtml, text, newKeyboard, photo, document, location, date, true);
        }

        Message withKeyboard(List<List<Button>> newKeyboard) {
            return new Message(id, from, html, text, newKeyboard, photo, document, location, date, true);
        }
    }

    public record Command(String command, String description) {
    }

    /** One event on the page's stream; unused fields are left out of the JSON. */
    public record Event(String type, Message message, Long messageId, String action, String text, Boolean alert,
                        List<Command> commands) {

        static Event message(Message message) {
            return new Event("message", message, null, null, null, null, null);
        }

        static Event edit(Message message) {
            return new Event("edit", message, null, null, null, null, null);
        }

        static Event delete(long messageId) {
            return new Event("delete", null, messageId, null, null, null, null);
        }

        static Event typing(String action) {
            return new Event("typing", null, null, action, null, null, null);
        }

        static Event toast(String text, boolean alert) {
            return new Event("toast", null, null, null, text, alert, null);
        }

        static Event commands(List<Command> commands) {
            return new Event("commands", null, null, null, null, null, commands);
        }

        static Event warning(String text) {
            return new Event("warning", null, null, null, text, null, null);
        }
    }
}
