package app.backcoach.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

    private static final int MAX = Html.MAX_MESSAGE_LENGTH;
    private static final String[] WORDS = {
        "back", "pain", "stretch", "daily", "core", "posture", "walk", "breathe", "hold", "gently",
        "ten", "seconds", "repeat", "&amp;", "&lt;3", "rest", "😀", "knee", "cat&#8209;cow", "plank"
    };

    // --- escape -----------------------------------------------------------------------------

    @Test
    void escapesMarkupCharacters() {
        assertThat(Html.escape("<b>&\"")).isEqualTo("&lt;b&gt;&amp;&quot;");
    }

    @Test
    void escapesNullToEmptyText() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void escapedUserTextIsValidAndShowsExactlyTheOriginal() {
        String user = "if a<b && c>d then say \"hi\" 😀 &amp;";
        String html = Html.escape(user);

        assertThatCode(() -> Html.validate(html)).doesNotThrowAnyException();
        assertThat(plainText(html)).isEqualTo(user);
        assertThat(Html.visibleLength(html)).isEqualTo(user.length());
    }

    // --- validate ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "<b>bold</b>", "<strong>strong</strong>", "<i>italic</i>", "<em>emphasis</em>",
        "<u>underline</u>", "<ins>inserted</ins>", "<s>struck</s>", "<strike>struck</strike>",
        "<del>deleted</del>", "<code>x = 1</code>", "<pre>block</pre>",
        "<blockquote>quote</blockquote>", "<tg-spoiler>secret</tg-spoiler>",
        "<a href=\"https://example.com/?a=1&amp;b=2\">link</a>",
        "<a href='https://example.com'>single quotes</a>",
        "<code class=\"language-java\">int x;</code>",
        "<pre><code class=\"language-python\">print(1)</code></pre>",
        "<blockquote expandable>long quote</blockquote>",
        "<span class=\"tg-spoiler\">secret</span>",
        "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>",
        "<b>bold <i>italic <u>underlined <s>all</s></u></i></b>",
        "&lt;tag&gt; &amp; &quot;quoted&quot;",
        "&#65;&#x1F600;&#x1f600;&#128512;",
        "Plain emoji 😀👍🏽 and ünïcödé",
        "1 > 0 is fine",
        "<b >spaced</b >",
        "  <b>padded</b>\n\n",
        "<b></b>empty tags are fine when there is text"
    })
    void acceptsValidHtml(String html) {
        assertThatCode(() -> Html.validate(html)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidHtml() {
        return Stream.of(
                arguments("<div>x</div>", "unsupported tag", 0),
                arguments("<B>upper case</B>", "unsupported tag", 0),
                arguments("ok <b>unclosed", "never closed", 3),
                arguments("<b><i>x</b></i>", "does not match", 7),
                arguments("x</b>", "without a matching start tag", 1),
                arguments("a < b", "bare '<'", 2),
                arguments("<b", "unclosed tag", 0),
                arguments("fish & chips", "bare '&'", 5),
                arguments("a&nbsp;b", "unsupported entity", 1),
                arguments("&#0;", "invalid numeric entity", 0),
                arguments("&#xD800;", "invalid numeric entity", 0),
                arguments("&#X41;", "invalid numeric entity", 0),
                arguments("<a>no link</a>", "href", 0),
                arguments("<a href=\"\">empty link</a>", "href", 0),
                arguments("<a href=https://x.org>unquoted</a>", "quotes", 8),
                arguments("<a href=\"https://x.org>unclosed value", "unclosed attribute value", 8),
                arguments("<span>x</span>", "tg-spoiler", 0),
                arguments("<span class=\"bold\">x</span>", "tg-spoiler", 0),
                arguments("<b class=\"x\">x</b>", "attribute not allowed", 0),
                arguments("<a href=\"x\" href=\"y\">x</a>", "duplicate attribute", 12),
                arguments("<tg-emoji>👍</tg-emoji>", "emoji-id", 0),
                arguments("", "empty", -1),
                arguments(" \n <b> </b> ", "empty", -1),
                arguments("&#32;&#10;", "empty", -1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidHtml")
    void rejectsInvalidHtmlWithReasonAndOffset(String html, String reason, int offset) {
        assertThatThrownBy(() -> Html.validate(html))
                .isInstanceOf(Html.InvalidHtmlException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((Html.InvalidHtmlException) e).offset()).isEqualTo(offset));
        if (offset >= 0) {
            assertThatThrownBy(() -> Html.validate(html)).hasMessageContaining("at offset " + offset);
        }
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Html.validate(null))
                .isInstanceOf(Html.InvalidHtmlException.class)
                .hasMessageContaining("null");
    }

    @Test
    void errorMessageEchoesOnlyAShortSnippet() {
        String secret = "s".repeat(500);
        for (String html : List.of("<div>" + secret, secret + " & " + secret, "<b>" + secret)) {
            assertThatThrownBy(() -> Html.validate(html))
                    .isInstanceOf(Html.InvalidHtmlException.class)
                    .extracting(Throwable::getMessage)
                    .satisfies(message -> assertThat(message).doesNotContain("s".repeat(21)));
        }
    }

    // --- visibleLength ----------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|5",
        "<b>a &amp; b</b>|5",
        "<a href=\"https://example.com/a/rather/long/path\">x</a>|1",
        "&#x1F600;|2",
        "😀 <i>ok</i>|5",
        "&lt;&gt;&quot;&#65;|4",
        "<pre><code class=\"language-java\">x</code></pre>|1"
    })
    void visibleLengthCountsUtf16UnitsOfTheShownText(String html, int expected) {
        assertThat(Html.visibleLength(html)).isEqualTo(expected);
    }

    @Test
    void visibleLengthRejectsInvalidMarkup() {
        assertThatThrownBy(() -> Html.visibleLength("<b>x")).isInstanceOf(Html.InvalidHtmlException.class);
    }

    // --- split ------------------------------------------------------------------------------

    @Test
    void shortTextIsReturnedUnchanged() {
        String html = "<b>Hello</b>\n\nworld &amp; more";
        String exactlyMax = "a".repeat(MAX);

        assertThat(Html.split(html, MAX)).containsExactly(html);
        assertThat(Html.split(exactlyMax, MAX)).containsExactly(exactlyMax);
    }

    /** A text of units joined by {@code separator}, each unit using only weaker breaks inside. */
    @ParameterizedTest(name = "separator {index}")
    @ValueSource(strings = {"\n\n", "\n", " "})
    void cutsAtTheStrongestBreakAvailable(String separator) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (Html.visibleLength(text.toString()) < 10_000) {
            if (text.length() > 0) {
                text.append(separator);
            }
            text.append(unit(random, separator));
        }

        List<String> parts = Html.split(text.toString(), MAX);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertEachPartFitsAndIsValid(parts, MAX);
        assertThat(String.join(separator, parts)).isEqualTo(text.toString());
        assertThat(words(String.join("\n", parts))).isEqualTo(words(text.toString()));
    }

    @Test
    void longBoldParagraphIsClosedAndReopened() {
        String html = "<b>" + words(new Random(3), 1500) + "</b>";

        List<String> parts = Html.split(html, MAX);

        assertThat(html.length()).isGreaterThan(2 * MAX);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertEachPartFitsAndIsValid(parts, MAX);
        assertThat(parts).allSatisfy(part -> assertThat(part).startsWith("<b>").endsWith("</b>"));
        assertThat(parts).allSatisfy(part -> assertThat(part).doesNotStartWith("<b> ").doesNotEndWith(" </b>"));
        assertThat(words(String.join(" ", parts))).isEqualTo(words(html));
    }

    @Test
    void linkIsReopenedWithItsHref() {
        String open = "<a href=\"https://example.com/docs?page=1&amp;lang=en\">";
        String html = "See " + open + words(new Random(5), 1000) + "</a> for details.";

        List<String> parts = Html.split(html, MAX);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        assertEachPartFitsAndIsValid(parts, MAX);
        assertThat(parts.get(0)).startsWith("See " + open).endsWith("</a>");
        assertThat(parts.subList(1, parts.size())).allSatisfy(part -> assertThat(part).startsWith(open));
        assertThat(parts.get(parts.size() - 1)).endsWith("</a> for details.");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 99, 101, 4096})
    void neverCutsInsideAnEntity(int maxLength) {
        String html = "&amp;".repeat(3000);

        List<String> parts = Html.split(html, maxLength);

        assertEachPartFitsAndIsValid(parts, maxLength);
        assertThat(parts).allSatisfy(part -> assertThat(part).matches("(&amp;)+"));
        assertThat(String.join("", parts)).isEqualTo(html);
    }

    @Test
    void textWithoutSpacesIsHardCut() {
        String html = "x".repeat(10_000);

        List<String> parts = Html.split(html, MAX);

        assertThat(parts).extracting(String::length).containsExactly(4096, 4096, 1808);
        assertThat(String.join("", parts)).isEqualTo(html);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 101, 4095})
    void neverSplitsASurrogatePair(int maxLength) {
        String html = "😀a😀😀".repeat(1500);

        List<String> parts = Html.split(html, maxLength);

        assertEachPartFitsAndIsValid(parts, maxLength);
        assertThat(parts).allSatisfy(part -> {
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(html);
    }

    @Test
    void everyPartFitsForManyTextsAndLengths() {
        Random random = new Random(20_240_601);
        int[] maxLengths = {64, 90, 91, 128, 257, 1000, 4096};
        for (int round = 0; round < 100; round++) {
            String html = randomHtml(random, 5 + random.nextInt(300));
            for (int maxLength : maxLengths) {
                List<String> parts = Html.split(html, maxLength);

                assertEachPartFitsAndIsValid(parts, maxLength);
                assertThat(parts).allSatisfy(part ->
                        assertThat(plainText(part)).isEqualTo(plainText(part).strip()));
                assertThat(withoutWhitespace(parts)).as("shown text of %s", html)
                        .isEqualTo(withoutWhitespace(List.of(html)));
            }
        }
    }

    @Test
    void rejectsATooSmallMaxLength() {
        assertThatThrownBy(() -> Html.split("hello", 63))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(Html.InvalidHtmlException.class);
    }

    @Test
    void countsWhatTelegramCountsNotTheMarkup() {
        // 3,000 "<" are 12,000 characters of HTML but 3,000 of text: one message, as Telegram counts.
        String escaped = Html.escape("<".repeat(3000));
        String linked = "x <a href=\"https://example.com/" + "p".repeat(200) + "\">link</a>";

        assertThat(Html.split(escaped, MAX)).containsExactly(escaped);
        assertThat(Html.split(linked, 100)).containsExactly(linked);
        assertThat(Html.split(Html.escape("<".repeat(5000)), MAX)).extracting(Html::visibleLength)
                .containsExactly(4096, 904);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> Html.split("<b>" + "x ".repeat(5000), MAX))
                .isInstanceOf(Html.InvalidHtmlException.class);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static void assertEachPartFitsAndIsValid(List<String> parts, int maxLength) {
        assertThat(parts).isNotEmpty().allSatisfy(part -> {
            assertThat(Html.visibleLength(part)).isLessThanOrEqualTo(maxLength);
            assertThatCode(() -> Html.validate(part)).doesNotThrowAnyException();
        });
    }

    /** Visible text, decoded independently of {@link Html}: fine for the tags these tests use. */
    private static String plainText(String html) {
        String text = html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"");
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&amp;", "&");
    }

    private static List<String> words(String html) {
        return Arrays.stream(plainText(html).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String withoutWhitespace(List<String> parts) {
        return parts.stream().map(HtmlTest::plainText).collect(Collectors.joining()).replaceAll("\\s+", "");
    }

    private static String words(Random random, int count) {
        return Stream.generate(() -> WORDS[random.nextInt(WORDS.length)])
                .limit(count).collect(Collectors.joining(" "));
    }

    /** A paragraph, line or word: whatever sits between two {@code separator}s. */
    private static String unit(Random random, String separator) {
        return switch (separator) {
            case "\n\n" -> Stream.generate(() -> unit(random, "\n")).limit(1 + random.nextInt(4))
                    .collect(Collectors.joining("\n"));
            case "\n" -> "<i>" + words(random, 2) + "</i> " + words(random, 3 + random.nextInt(12));
            default -> WORDS[random.nextInt(WORDS.length)];
        };
    }

    /** Words with varied breaks, some wrapped in tags: any at the outer level, short ones inside. */
    private static String randomHtml(Random random, int wordCount) {
        StringBuilder html = new StringBuilder();
        appendWords(html, random, wordCount, 0);
        return html.toString();
    }

    private static void appendWords(StringBuilder html, Random random, int count, int depth) {
        String[][] tags = {
            {"<b>", "</b>"}, {"<i>", "</i>"}, {"<tg-spoiler>", "</tg-spoiler>"},
            {"<span class=\"tg-spoiler\">", "</span>"},
            {"<a href=\"https://example.com/p?q=1&amp;r=2\">", "</a>"}
        };
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                int r = random.nextInt(100);
                html.append(r < 80 ? " " : r < 92 ? "\n" : "\n\n");
            }
            int r = random.nextInt(100);
            if (r < 10 && depth < 2) {
                String[] tag = tags[random.nextInt(depth == 0 ? tags.length : 3)];
                html.append(tag[0]);
                appendWords(html, random, 1 + random.nextInt(30), depth + 1);
                html.append(tag[1]);
            } else if (r < 12) {
                html.append("z".repeat(50 + random.nextInt(250)));
            } else if (r < 14) {
                html.append("😀".repeat(20 + random.nextInt(100)));
            } else {
                html.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
    }
}
