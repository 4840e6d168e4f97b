package app.backcoach.text;

import app.backcoach.sender.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text the bot sends, from the bundles in {@code texts/}. Bundle values are trusted HTML;
 * {@code {name}} placeholders take arguments, which are always escaped.
 */
@ApplicationScoped
public class Texts {

    public static final String BUNDLE = "texts.messages";
    public static final Set<String> LANGUAGES = Set.of("en", "de");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Looked up once per language code: every reply asks, and the JDK's own lookup is not cheap. */
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    /** The bundle for a Telegram language code, English when we do not speak it. */
    public ResourceBundle bundle(String languageCode) {
        return bundles.computeIfAbsent(languageCode == null ? "" : languageCode, Texts::load);
    }

    private static ResourceBundle load(String languageCode) {
        String code = languageCode.toLowerCase(Locale.ROOT);
        int end = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        String language = languageCode.isEmpty() ? "en" : end >= 0 ? code.substring(0, end) : code;
        Locale locale = LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
        return ResourceBundle.getBundle(BUNDLE, locale, NO_SYSTEM_LOCALE);
    }

    /**
     * @param arguments alternating placeholder names and values, e.g. {@code "command", "/travel"}
     */
    public String get(String languageCode, String key, Object... arguments) {
        if (arguments.length % 2 != 0) {
            throw new IllegalArgumentException("Arguments come in name/value pairs");
        }
        String template;
        try {
            template = bundle(languageCode).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No text for key " + key, e);
        }
        if (template.indexOf('{') < 0) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(Html.escape(argument(key, matcher.group(1), arguments))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A text without its markup, for a file rather than a chat (the data export): tags dropped,
     * entities read. Empty when there is no such text (a key from an older version, say).
     */
    public Optional<String> plain(String languageCode, String key, Object... arguments) {
        String html;
        try {
            html = get(languageCode, key, arguments);
        } catch (IllegalArgumentException noSuchText) {
            return Optional.empty();
        }
        return Optional.of(html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&"));
    }

    private static String argument(String key, String name, Object[] arguments) {
        for (int i = 0; i < arguments.length; i += 2) {
            if (name.equals(arguments[i])) {
                return String.valueOf(arguments[i + 1]);
            }
        }
        throw new IllegalArgumentException("Text " + key + " needs the argument " + name);
    }
}
