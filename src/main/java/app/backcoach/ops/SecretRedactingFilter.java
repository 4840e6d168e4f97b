package app.backcoach.ops;

import io.quarkus.arc.Unremovable;
import io.quarkus.logging.LoggingFilter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks the bot token and other secrets in every log line, including exception messages: libraries
 * log request URLs and objects whose text contains the token (the Bot API puts it in the path).
 */
@LoggingFilter(name = "redact-secrets")
@Singleton
@Unremovable // looked up by name from the logging configuration, never injected
public final class SecretRedactingFilter implements Filter {

    static final String MASK = "***";
    /** Shorter values would mask ordinary words; real tokens and secrets are far longer. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final List<String> secrets;

    @Inject
    public SecretRedactingFilter(@ConfigProperty(name = "bot.token") Optional<String> token,
                                 @ConfigProperty(name = "bot.webhook.secret") Optional<String> webhookSecret,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this(Stream.of(token, webhookSecret, dbPassword).flatMap(Optional::stream).toList());
    }

    SecretRedactingFilter(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= MIN_SECRET_LENGTH).distinct().toList();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (secrets.isEmpty()) {
            return true;
        }
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (formatted != null && containsSecret(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redact(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redact(formatted));
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && mentionsSecret(thrown)) {
            record.setThrown(RedactedThrowable.of(thrown, this));
        }
        return true;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private boolean containsSecret(String text) {
        return secrets.stream().anyMatch(text::contains);
    }

    private boolean mentionsSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (containsSecret(String.valueOf(t))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Stands in for an exception whose text names a secret: same class name, stack and causes, text masked. */
    static final class RedactedThrowable extends RuntimeException {
        private final String description;

        private RedactedThrowable(String description, Throwable cause) {
            super(description, cause, false, true);
            this.description = description;
        }

        static RedactedThrowable of(Throwable original, SecretRedactingFilter filter) {
            Throwable cause = original.getCause() == null || original.getCause() == original
                    ? null : of(original.getCause(), filter);
            RedactedThrowable copy = new RedactedThrowable(filter.redact(String.valueOf(original)), cause);
            copy.setStackTrace(original.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
