package app.backcoach.privacy;

/** The privacy policy's version; bump it whenever the text of privacy.policy changes what it says. */
public final class PrivacyPolicy {

    public static final String VERSION = "2026-11-25";

    private PrivacyPolicy() {
    }
}
