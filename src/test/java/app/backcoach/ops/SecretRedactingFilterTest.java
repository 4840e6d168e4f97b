package app.backcoach.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class SecretRedactingFilterTest {

    private static final String TOKEN = "987654:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr";
    private final SecretRedactingFilter filter = new SecretRedactingFilter(List.of(TOKEN, "s3cr3t-webhook"));

    @Test
    void masksTheTokenInAFormattedMessage() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "calling %s", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {"https://api.telegram.org/bot" + TOKEN + "/getUpdates"});

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("calling https://api.telegram.org/bot***/getUpdates");
    }

    @Test
    void masksTheTokenInExceptionsAndTheirCauses() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "polling failed", "x");
        IOException cause = new IOException("unexpected end of stream on /bot" + TOKEN + "/getupdates");
        record.setThrown(new IllegalStateException("wrapped s3cr3t-webhook", cause));

        filter.isLoggable(record);

        StringWriter printed = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("s3cr3t-webhook")
                .contains("java.lang.IllegalStateException: wrapped ***")
                .contains("java.io.IOException: unexpected end of stream on /bot***/getupdates")
                .contains("SecretRedactingFilterTest");
    }

    @Test
    void leavesOtherRecordsUntouched() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "update %d handled", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {42});
        IOException thrown = new IOException("connection refused");
        record.setThrown(thrown);

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("update 42 handled");
        assertThat(record.getThrown()).isSameAs(thrown);
    }

    @Test
    void ignoresSecretsTooShortToBeReal() {
        SecretRedactingFilter withBlank = new SecretRedactingFilter(List.of("", "ab"));
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "about tabs", "x");

        withBlank.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("about tabs");
    }
}
