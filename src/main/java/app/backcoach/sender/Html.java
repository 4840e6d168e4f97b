package app.backcoach.sender;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows the rules of Telegram's "HTML" parse mode
 * (https://core.telegram.org/bots/api#html-style): escaping user text, checking a message
 * before it is sent, measuring it and splitting it into messages Telegram accepts.
 *
 * <p>{@link #validate} is deliberately a little stricter than Telegram itself: Telegram shows a
 * stray {@code &} or an unknown entity literally and ignores unknown attributes, but here they
 * are errors, because in our own templates they almost always mean user text was not escaped.
 * A bare {@code >} is accepted, as Telegram does.
 */
public final class Html {

    /** Telegram's limit for a text message, counted on the visible text in UTF-16 code units. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    /** Below this, the tags reopened at the start of a part could leave no room for text. */
    private static final int MIN_SPLIT_LENGTH = 64;

    /** Error messages show at most this much of the (possibly private) text. */
    private static final int SNIPPET_LENGTH = 20;

    /** Allowed tags and the attributes each may carry. */
    private static final Map<String, Set<String>> TAGS = Map.ofEntries(
            Map.entry("b", Set.of()), Map.entry("strong", Set.of()),
            Map.entry("i", Set.of()), Map.entry("em", Set.of()),
            Map.entry("u", Set.of()), Map.entry("ins", Set.of()),
            Map.entry("s", Set.of()), Map.entry("strike", Set.of()), Map.entry("del", Set.of()),
            Map.entry("a", Set.of("href")),
            Map.entry("code", Set.of("class")),
            Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of("expandable")),
            Map.entry("tg-spoiler", Set.of()),
            Map.entry("span", Set.of("class")),
            Map.entry("tg-emoji", Set.of("emoji-id")));

    private Html() {
    }

    /** Thrown when Telegram would refuse (or misread) a text sent in HTML mode. */
    public static final class InvalidHtmlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final int offset;

        public InvalidHtmlException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        /** Character offset of the problem in the text, or -1 when it concerns the whole text. */
        public int offset() {
            return offset;
        }
    }

    /**
     * Makes user-derived text safe to put inside a message or a double-quoted attribute.
     * Returns "" for null.
     */
    public static String escape(String userText) {
        if (userText == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(userText.length() + 16);
        for (int i = 0; i < userText.length(); i++) {
            char c = userText.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Throws {@link InvalidHtmlException} if Telegram would refuse {@code html} in HTML mode. */
    public static void validate(String html) {
        parseMessage(html);
    }

    /**
     * The length Telegram checks against {@link #MAX_MESSAGE_LENGTH}: UTF-16 code units of the
     * text with tags removed and entities decoded.
     *
     * @throws InvalidHtmlException if the markup is invalid (a blank text is measured, not refused)
     */
    public static int visibleLength(String html) {
        int length = 0;
        for (Token token : parse(html)) {
            length += token.text().length();
        }
        return length;
    }

    /**
     * Splits a valid text into parts whose length as Telegram counts it ({@link #visibleLength}:
     * tags do not count, an entity counts as the character it stands for) is at most
     * {@code maxLength}, each of them valid on its own. Cuts prefer a paragraph break,
     * then a line break, then a space, and fall back to a hard cut between characters. Tags open
     * at a cut are closed at the end of the part and reopened, attributes included, at the start
     * of the next; the whitespace at a cut is dropped.
     *
     * @throws IllegalArgumentException if {@code maxLength} is too small to make progress
     * @throws InvalidHtmlException if {@code html} is invalid
     */
    public static List<String> split(String html, int maxLength) {
        if (maxLength < MIN_SPLIT_LENGTH) {
            throw new IllegalArgumentException(
                    "maxLength must be at least " + MIN_SPLIT_LENGTH + ", was " + maxLength);
        }
        List<Token> tokens = parseMessage(html);
        if (html.length() <= maxLength || visibleLength(html) <= maxLength) {
            return List.of(html);
        }
        return new Splitter(html, tokens, maxLength).split();
    }

    // ---------------------------------------------------------------------------------------
    // Tokens

    private enum Kind { TEXT, ENTITY, START_TAG, END_TAG }

    /**
     * A piece of the raw text at [start, end). {@code text} is what it shows (decoded for an
     * entity, "" for a tag); {@code name} is the tag name, null for text and entities.
     */
    private record Token(Kind kind, int start, int end, String name, String text) {
    }

    /** Tokens of a text that may be sent as a message: valid markup and something to show. */
    private static List<Token> parseMessage(String html) {
        List<Token> tokens = parse(html);
        if (tokens.stream().allMatch(token -> token.text().isBlank())) {
            throw new InvalidHtmlException(
                    "text is empty once tags are removed; Telegram refuses empty messages", -1);
        }
        return tokens;
    }

    /** Tokens of a text whose tags, attributes and entities are valid and properly nested. */
    private static List<Token> parse(String html) {
        if (html == null) {
            throw new InvalidHtmlException("text is null", -1);
        }
        List<Token> tokens = new Lexer(html).tokens();
        Deque<Token> open = new ArrayDeque<>();
        for (Token token : tokens) {
            if (token.kind() == Kind.START_TAG) {
                open.push(token);
            } else if (token.kind() == Kind.END_TAG) {
                if (open.isEmpty()) {
                    throw invalid(html, token.start(),
                            "end tag </" + token.name() + "> without a matching start tag");
                }
                Token start = open.pop();
                if (!start.name().equals(token.name())) {
                    throw invalid(html, token.start(), "end tag </" + token.name()
                            + "> does not match the open <" + start.name() + ">");
                }
            }
        }
        if (!open.isEmpty()) {
            Token unclosed = open.peek();
            throw invalid(html, unclosed.start(), "<" + unclosed.name() + "> is never closed");
        }
        return tokens;
    }

    private static InvalidHtmlException invalid(String html, int offset, String reason) {
        int end = Math.min(html.length(), offset + SNIPPET_LENGTH);
        if (end > offset && end < html.length() && Character.isHighSurrogate(html.charAt(end - 1))) {
            end--;
        }
        String snippet = html.substring(offset, end).replaceAll("\\s", " ")
                + (end < html.length() ? "…" : "");
        return new InvalidHtmlException(reason + " at offset " + offset + ": \"" + snippet + "\"", offset);
    }

    /** Cuts the text into tokens, refusing anything Telegram's HTML parser would not accept. */
    private static final class Lexer {
        private final String html;
        private int pos;

        Lexer(String html) {
            this.html = html;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            int textStart = 0;
            while (pos < html.length()) {
                char c = html.charAt(pos);
                if (c != '<' && c != '&') {
                    pos++;
                    continue;
                }
                addText(tokens, textStart, pos);
                tokens.add(c == '<' ? tag() : entity());
                textStart = pos;
            }
            addText(tokens, textStart, pos);
            return tokens;
        }

        private void addText(List<Token> tokens, int start, int end) {
            if (end > start) {
                tokens.add(new Token(Kind.TEXT, start, end, null, html.substring(start, end)));
            }
        }

        private Token entity() {
            int start = pos;
            int end = start + 1;
            while (end < html.length() && isEntityChar(html.charAt(end))) {
                end++;
            }
            if (end == start + 1 || end == html.length() || html.charAt(end) != ';') {
                throw invalid(html, start, "bare '&' (escape it as &amp;)");
            }
            String body = html.substring(start + 1, end);
            String decoded = switch (body) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> decodeNumeric(body);
            };
            if (decoded == null) {
                throw invalid(html, start, body.startsWith("#")
                        ? "invalid numeric entity"
                        : "unsupported entity (only &lt; &gt; &amp; &quot; and numeric ones)");
            }
            pos = end + 1;
            return new Token(Kind.ENTITY, start, pos, null, decoded);
        }

        private Token tag() {
            int start = pos;
            boolean isEnd = start + 1 < html.length() && html.charAt(start + 1) == '/';
            int nameStart = start + (isEnd ? 2 : 1);
            pos = nameStart;
            while (pos < html.length() && isTagNameChar(html.charAt(pos), pos == nameStart)) {
                pos++;
            }
            if (pos == nameStart) {
                throw invalid(html, start, "bare '<' (escape it as &lt;)");
            }
            String name = html.substring(nameStart, pos);
            if (!TAGS.containsKey(name)) {
                throw invalid(html, start, "unsupported tag (tag names are lowercase: b, strong, i, em, u, "
                        + "ins, s, strike, del, a, code, pre, blockquote, tg-spoiler, span, tg-emoji)");
            }
            if (isEnd) {
                skipSpaces();
                if (pos == html.length() || html.charAt(pos) != '>') {
                    throw invalid(html, start, "malformed end tag </" + name + ">");
                }
                pos++;
                return new Token(Kind.END_TAG, start, pos, name, "");
            }
            checkAttributes(start, name, attributes(start, name));
            return new Token(Kind.START_TAG, start, pos, name, "");
        }

        /** Reads attributes up to and including '>'; a null value marks a boolean attribute. */
        private Map<String, String> attributes(int tagStart, String tag) {
            Map<String, String> attributes = new LinkedHashMap<>();
            while (true) {
                int before = pos;
                skipSpaces();
                if (pos == html.length()) {
                    throw invalid(html, tagStart, "unclosed tag <" + tag + ">");
                }
                if (html.charAt(pos) == '>') {
                    pos++;
                    return attributes;
                }
                if (pos == before) {
                    throw invalid(html, pos, "expected a space or '>' in <" + tag + ">");
                }
                int nameStart = pos;
                while (pos < html.length() && isAttributeNameChar(html.charAt(pos))) {
                    pos++;
                }
                if (pos == nameStart) {
                    throw invalid(html, pos, "malformed attribute in <" + tag + ">");
                }
                String name = html.substring(nameStart, pos);
                String value = null;
                int afterName = pos;
                skipSpaces();
                if (pos < html.length() && html.charAt(pos) == '=') {
                    pos++;
                    skipSpaces();
                    value = quotedValue(tag);
                } else {
                    pos = afterName;
                }
                if (attributes.containsKey(name)) {
                    throw invalid(html, nameStart, "duplicate attribute in <" + tag + ">");
                }
                attributes.put(name, value);
            }
        }

        private String quotedValue(String tag) {
            char quote = pos < html.length() ? html.charAt(pos) : 0;
            if (quote != '"' && quote != '\'') {
                throw invalid(html, pos, "attribute value in <" + tag + "> must be in quotes");
            }
            int open = pos++;
            StringBuilder value = new StringBuilder();
            while (pos < html.length() && html.charAt(pos) != quote) {
                char c = html.charAt(pos);
                if (c == '<') {
                    throw invalid(html, pos, "bare '<' in an attribute value (escape it as &lt;)");
                }
                if (c == '&') {
                    value.append(entity().text());
                } else {
                    value.append(c);
                    pos++;
                }
            }
            if (pos == html.length()) {
                throw invalid(html, open, "unclosed attribute value in <" + tag + ">");
            }
            pos++;
            return value.toString();
        }

        private void checkAttributes(int start, String tag, Map<String, String> attributes) {
            for (String name : attributes.keySet()) {
                if (!TAGS.get(tag).contains(name)) {
                    throw invalid(html, start, "attribute not allowed in <" + tag + ">");
                }
            }
            String reason = switch (tag) {
                case "a" -> isBlank(attributes.get("href")) ? "<a> needs a non-empty href" : null;
                case "code" -> attributes.containsKey("class") && attributes.get("class") == null
                        ? "class of <code> needs a value" : null;
                case "blockquote" -> attributes.get("expandable") != null
                        ? "expandable of <blockquote> takes no value" : null;
                case "span" -> !"tg-spoiler".equals(attributes.get("class"))
                        ? "<span> needs class=\"tg-spoiler\"" : null;
                case "tg-emoji" -> !isDigits(attributes.get("emoji-id"), 10)
                        ? "<tg-emoji> needs a numeric emoji-id" : null;
                default -> null;
            };
            if (reason != null) {
                throw invalid(html, start, reason);
            }
        }

        private void skipSpaces() {
            while (pos < html.length() && isTagSpace(html.charAt(pos))) {
                pos++;
            }
        }
    }

    /** Decodes {@code #123} or {@code #x1F600}; null if it is not a character Telegram accepts. */
    private static String decodeNumeric(String body) {
        // Telegram only knows a lowercase 'x'; "&#X41;" would be shown literally.
        boolean hex = body.startsWith("#x");
        String digits = body.substring(hex ? 2 : 1);
        int radix = hex ? 16 : 10;
        if (!body.startsWith("#") || !isDigits(digits, radix) || digits.length() > 10) {
            return null;
        }
        long codePoint = Long.parseLong(digits, radix);
        // Telegram refuses 0, surrogates and anything from U+10FFFF up.
        if (codePoint <= 0 || codePoint >= 0x10FFFF
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return null;
        }
        return Character.toString((int) codePoint);
    }

    private static boolean isDigits(String s, int radix) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = (c >= '0' && c <= '9')
                    || (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!digit) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isEntityChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '#';
    }

    private static boolean isTagNameChar(char c, boolean first) {
        return isAsciiLetter(c) || (!first && ((c >= '0' && c <= '9') || c == '-'));
    }

    private static boolean isAttributeNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isTagSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // ---------------------------------------------------------------------------------------
    // Splitting

    /** The tags open at some point, innermost first, with the lengths of reopening and closing them. */
    private record OpenTags(Token tag, OpenTags parent, int openLength, int closeLength) {
        static OpenTags push(OpenTags parent, Token tag) {
            return new OpenTags(tag, parent,
                    openLengthOf(parent) + tag.end() - tag.start(),
                    closeLengthOf(parent) + tag.name().length() + 3);
        }

        static int openLengthOf(OpenTags open) {
            return open == null ? 0 : open.openLength;
        }

        static int closeLengthOf(OpenTags open) {
            return open == null ? 0 : open.closeLength;
        }
    }

    /** Kinds of break a cut can sit on, strongest first. */
    private enum Break { PARAGRAPH, LINE, SPACE }

    /**
     * Works on atoms, the smallest pieces a cut may not enter: a tag, an entity or one code
     * point. Atoms that show nothing but whitespace (or nothing at all, like tags) are "blank";
     * a cut sits on a run of blank atoms, which is dropped, so no part starts or ends with the
     * whitespace it was cut at and no part is left with only empty tags.
     */
    private static final class Splitter {
        private static final int NONE = -1;

        private final String html;
        private final int maxLength;
        private final int size;
        /** offset[k] is where atom k starts; offset[size] is the end of the text. */
        private final int[] offset;
        private final boolean[] blank;
        private final boolean[] whitespace;
        private final boolean[] newline;
        /** shown[k] is how many characters the atoms before atom k show, as Telegram counts them. */
        private final int[] shown;
        /** Tags open just before atom k; openBefore[size] is empty for a valid text. */
        private final OpenTags[] openBefore;

        Splitter(String html, List<Token> tokens, int maxLength) {
            this.html = html;
            this.maxLength = maxLength;
            int count = 0;
            for (Token token : tokens) {
                count += token.kind() == Kind.TEXT ? html.codePointCount(token.start(), token.end()) : 1;
            }
            size = count;
            offset = new int[size + 1];
            blank = new boolean[size];
            whitespace = new boolean[size];
            newline = new boolean[size];
            shown = new int[size + 1];
            openBefore = new OpenTags[size + 1];

            int k = 0;
            OpenTags open = null;
            for (Token token : tokens) {
                if (token.kind() == Kind.TEXT) {
                    for (int p = token.start(); p < token.end(); p = html.offsetByCodePoints(p, 1)) {
                        int next = html.offsetByCodePoints(p, 1);
                        addAtom(k++, p, html.substring(p, next), open);
                    }
                } else {
                    addAtom(k++, token.start(), token.text(), open);
                }
                if (token.kind() == Kind.START_TAG) {
                    open = OpenTags.push(open, token);
                } else if (token.kind() == Kind.END_TAG) {
                    open = open.parent();
                }
            }
            offset[size] = html.length();
            openBefore[size] = open;
        }

        private void addAtom(int k, int start, String shows, OpenTags open) {
            offset[k] = start;
            shown[k + 1] = shown[k] + shows.length();
            blank[k] = shows.isBlank();
            whitespace[k] = !shows.isEmpty() && shows.isBlank();
            newline[k] = shows.indexOf('\n') >= 0;
            openBefore[k] = open;
        }

        List<String> split() {
            List<String> parts = new ArrayList<>();
            int from = 0;
            while (length(from, size) > maxLength) {
                int to = cutPoint(from);
                parts.add(part(from, to));
                from = skipBlank(to);
                if (from == size) {
                    return parts;
                }
            }
            parts.add(part(from, size));
            return parts;
        }

        /**
         * Where the part starting at atom {@code from} should end. A weaker break is preferred
         * over a stronger one only when the stronger would leave the part less than half full;
         * a hard cut is the last resort.
         */
        private int cutPoint(int from) {
            int[] latest = new int[Break.values().length];
            Arrays.fill(latest, NONE);
            int hard = NONE;
            for (int to = from + 1; to < size && length(from, to) <= maxLength; to++) {
                if (blank[to - 1]) {
                    continue;
                }
                hard = to;
                Break kind = breakAt(to);
                if (kind != null) {
                    latest[kind.ordinal()] = to;
                }
            }
            for (Break kind : Break.values()) {
                int to = latest[kind.ordinal()];
                if (to != NONE && 2L * length(from, to) >= maxLength) {
                    return to;
                }
            }
            int soft = Arrays.stream(latest).max().orElse(NONE);
            if (soft != NONE) {
                return soft;
            }
            if (hard != NONE) {
                return hard;
            }
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room at offset " + offset[from]);
        }

        /** The kind of break made by the run of blank atoms starting at atom {@code k}, if any. */
        private Break breakAt(int k) {
            int newlines = 0;
            boolean space = false;
            for (; k < size && blank[k]; k++) {
                newlines += newline[k] ? 1 : 0;
                space |= whitespace[k];
            }
            if (newlines >= 2) {
                return Break.PARAGRAPH;
            }
            if (newlines == 1) {
                return Break.LINE;
            }
            return space ? Break.SPACE : null;
        }

        private int skipBlank(int k) {
            while (k < size && blank[k]) {
                k++;
            }
            return k;
        }

        /** What atoms [from, to) show; the tags reopened before and closed after them show nothing. */
        private int length(int from, int to) {
            return shown[to] - shown[from];
        }

        private String part(int from, int to) {
            StringBuilder part = new StringBuilder(offset[to] - offset[from] + 64);
            reopen(openBefore[from], part);
            part.append(html, offset[from], offset[to]);
            for (OpenTags open = openBefore[to]; open != null; open = open.parent()) {
                part.append("</").append(open.tag().name()).append('>');
            }
            return part.toString();
        }

        private void reopen(OpenTags open, StringBuilder part) {
            if (open != null) {
                reopen(open.parent(), part);
                part.append(html, open.tag().start(), open.tag().end());
            }
        }
    }
}
