package app.backcoach.privacy;

/**
 * The privacy policy's version; bump it whenever the text of privacy.policy changes what it says, and rewrite
 * privacy.changed (what is new since the last version) with it: people who agreed to an older version are shown
 * that text and asked again (ConsentRenewal).
 */
public final class PrivacyPolicy {

    public static final String VERSION = "2026-12-06.2";

    private PrivacyPolicy() {
    }
}
