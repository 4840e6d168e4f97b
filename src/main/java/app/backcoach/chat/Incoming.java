package app.backcoach.chat;

/** What a person did, in the bot's own terms; the Telegram adapter produces these from updates. */
public sealed interface Incoming {

    Chat chat();

    /** The same event, to be answered in {@code language} (the person's choice over Telegram's). */
    default Incoming inLanguage(String language) {
        return this;
    }

    enum ChatKind { PRIVATE, GROUP, CHANNEL }

    record Chat(long id, ChatKind kind) {
        public boolean isPrivate() {
            return kind == ChatKind.PRIVATE;
        }
    }

    /** The person behind an update; the language is Telegram's {@code language_code}, possibly null. */
    record Person(long userId, String languageCode) {
        Person inLanguage(String language) {
            return language == null ? this : new Person(userId, language);
        }
    }

    /** "/name args" typed or tapped from the menu; {@code name} is lower case without the slash or @bot suffix. */
    record CommandMessage(Chat chat, Person from, String name, String arguments) implements Incoming {
        @Override
        public Incoming inLanguage(String language) {
            return new CommandMessage(chat, from.inLanguage(language), name, arguments);
        }
    }

    record TextMessage(Chat chat, Person from, String text) implements Incoming {
        @Override
        public Incoming inLanguage(String language) {
            return new TextMessage(chat, from.inLanguage(language), text);
        }
    }

    /** An inline button tapped; {@code data} is the callback data we put on it, or a forgery. */
    record ButtonTap(Chat chat, Person from, String callbackQueryId, Long messageId, String data) implements Incoming {
        @Override
        public Incoming inLanguage(String language) {
            return new ButtonTap(chat, from.inLanguage(language), callbackQueryId, messageId, data);
        }
    }

    /** The user blocked the bot ({@code blocked}) or started it again. */
    record MembershipChange(Chat chat, Person from, boolean blocked) implements Incoming {
    }

    /** A location sent from the attachment menu. */
    record LocationShared(Chat chat, Person from, double latitude, double longitude) implements Incoming {
        @Override
        public Incoming inLanguage(String language) {
            return new LocationShared(chat, from.inLanguage(language), latitude, longitude);
        }
    }

    /** A sticker, photo, voice note … that nothing asked for. */
    record OtherMessage(Chat chat, Person from, String kind) implements Incoming {
        @Override
        public Incoming inLanguage(String language) {
            return new OtherMessage(chat, from.inLanguage(language), kind);
        }
    }

    /** Updates the bot deliberately leaves alone (edits, channel posts, update types it does not use). */
    record Ignored(Chat chat, String reason) implements Incoming {
    }
}
