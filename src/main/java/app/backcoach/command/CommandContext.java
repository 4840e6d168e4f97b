package app.backcoach.command;

/** Who sent a command and what followed it. */
public record CommandContext(long chatId, long userId, String languageCode, String arguments) {
}
