package app.backcoach.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety net under free text: words in English or German that suggest a first-tier sign (possible cauda
 * equina or another emergency), wherever a person types them. Pure and table-tested (SymptomWordsTest).
 *
 * <p>Text is normalised (case, umlauts, accents, apostrophes, punctuation) and cut into clauses at punctuation
 * and at words such as "but" or "aber", so a denial in one clause never hides a sign in the next. A match is
 * dismissed only when its own clause clearly denies or reassures ("no numbness", "keine Taubheit", "Blase ist
 * okay"); phrases that carry their own negation ("can't pee", "kann nicht pinkeln", "no feeling in my groin")
 * are never dismissed, and a clause that sounds unsure ("not sure", "vielleicht") is never dismissed either:
 * missing a real sign costs more than a needless warning.
 */
public final class SymptomWords {

    /** A way one sign is worded; {@code ownNegation}: the words deny something themselves ("can't pee"). */
    private record Rule(Pattern pattern, boolean ownNegation, Pattern requires, Pattern unless) {
    }

    private record Sign(String id, List<Rule> rules) {
    }

    /** Up to n words in between. */
    private static String gap(int n) {
        return "(?:\\s+\\S+){0," + n + "}\\s+";
    }

    // Words shared by several signs (normalised: lower case, ä → ae, no apostrophes).
    private static final String CANT = "(?:cant|cannot|can not|can no longer|couldnt|could not|unable to|not able to"
            + "|havent been able to|hasnt been able to|am unable to)";
    private static final String NUMB_EN = "(?:numb\\w*|tingl\\w*|pins and needles|(?:loss of|lost|lost the|reduced|less"
            + "|decreased|altered|strange|weird|funny|odd) (?:feeling|sensation)s?|(?:went|gone|going|feels?) dead)";
    private static final String NO_FEELING_EN = "(?:" + CANT + " feel|(?:dont|do not|no longer|doesnt|does not) feel"
            + " (?:anything|much|a thing|my|it)|no (?:feeling|sensation)s?|lost all (?:feeling|sensation))";
    private static final String NUMB_DE = "(?:taub\\w*|gefuehllos\\w*|kribbel\\w*|kribbl\\w*|eingeschlafen\\w*|pelzig\\w*"
            + "|ameisenlaufen|missempfindung\\w*|(?:weniger|veraendert\\w*|komisch\\w*|seltsam\\w*) gefuehl\\w*)";
    private static final String NO_FEELING_DE = "(?:(?:kein|keinerlei) gefuehl|(?:spuere|fuehle|merke|spuer|fuehl)"
            + gap(3) + "(?:nichts|nicht|kaum)|nichts (?:mehr )?(?:spueren|fuehlen|merken))";
    private static final String SADDLE_AREA = "(?:between (?:my|the) legs|groin|genital\\w*|privates?|private parts?"
            + "|crotch|perine\\w*|bottom|buttocks?|bum|butt|backside|inner thighs?|inside of (?:my|the) thighs?|anus|anal"
            + "|back passage|vagina\\w*|vulva|penis|testicles?|saddle (?:area|region)|down below|where i sit"
            + "|schritt\\w*|intim\\w*|genital\\w*|gesaess\\w*|po|popo|hintern|damm|after|anus|leiste\\w*|analbereich"
            + "|oberschenkelinnenseite\\w*|innenseite\\w*(?: der| meiner)? oberschenkel\\w*|innenschenkel\\w*"
            + "|zwischen (?:den|meinen) beinen|reithose\\w*|sitzflaeche)";
    private static final String PEE_EN = "(?:pee|peeing|wee|weeing|urinat\\w*|pass(?:ing)? (?:urine|water)|piss\\w*"
            + "|empty(?:ing)? my bladder|go to the (?:toilet|loo|bathroom)|hold (?:my )?(?:urine|pee|wee|water))";
    private static final String PEE_DE = "(?:pinkeln|pieseln|urinieren|wasser ?lassen|harn ?lassen|blase (?:zu )?"
            + "(?:leeren|entleeren)|aufs klo|auf die toilette|pipi)";
    /** Pain or nerve symptoms, not the ache or cramp of hard training. */
    private static final String LEG_SYMPTOM = "(?:" + NUMB_EN + "|" + NUMB_DE + "|weak\\w*|giv\\w* way|gave way|buckl\\w*"
            + "|pain\\w*|hurt\\w*|sciatica|shoot\\w*|burn\\w*|radiat\\w*|feel it|goes down|runs down"
            + "|schwach\\w*|schwaech\\w*|knick\\w*|schmerz\\w*|weh|tut weh|zieh\\w*|zieht|ausstrahl\\w*|strahl\\w*|ischias"
            + "|brenn\\w*|lahm\\w*)";
    private static final String LEG_NEURO = "(?:" + NUMB_EN + "|" + NUMB_DE + "|" + NO_FEELING_EN + "|weak\\w*|giv\\w* way"
            + "|gave way|buckl\\w*|schwach\\w*|schwaech\\w*|knick\\w* (?:weg|ein)|geben nach|lahm\\w*|kraftlos\\w*)";
    private static final String BOTH_LEGS = "(?:both (?:of )?(?:my |the )?(?:legs|feet|thighs|calves)|my two legs"
            + "|left and right legs?|right and left legs?|beide\\w* beine\\w*|beiden fuess\\w*|beide fuesse"
            + "|beide oberschenkel|beidseit\\w*|beidseits|links und rechts|rechts und links)";
    private static final String LEGS = "(?:legs|feet|thighs|beine|beinen|fuesse|fuessen|oberschenkel)";
    private static final String LIMB = "(?:legs?|foot|feet|knees?|thighs?|calf|calves|ankles?|bein\\w*|fuss|fuesse\\w*"
            + "|knie|oberschenkel|wade\\w*)";
    private static final String WEAK = "(?:weak\\w*|giv\\w* way|gives way|gave way|buckl\\w*|collaps\\w*|losing strength"
            + "|strength (?:is )?going|drag\\w*|foot drop|drop foot|dropping foot|floppy"
            + "|schwach\\w*|schwaech\\w*|knick\\w*|gibt nach|geben nach|kraftlos\\w*|kraft (?:laesst nach"
            + "|verloren|weg)|fallfuss|fussheber\\w*|haengt|haengender fuss)";
    private static final Pattern FAST = Pattern.compile("\\b(?:fast|quick\\w*|rapid\\w*|sudden\\w*|by the hour"
            + "|every hour|hour by hour|worse|worsening|weaker|more and more|overnight|since (?:this morning|yesterday"
            + "|last night|today)|spreading|keeps getting|schnell\\w*|rasch\\w*|ploetzlich\\w*|zusehends|immer\\b"
            + "|stuendlich|von stunde zu stunde|ueber nacht|verschlecht\\w*|verschlimm\\w*|schlimmer|zunehmend\\w*"
            + "|nimmt zu|schwaecher|seit (?:heute|gestern))\\b");
    private static final Pattern SLOW = Pattern.compile("\\b(?:slow\\w*|gradual\\w*|over (?:weeks|months)|langsam\\w*"
            + "|allmaehlich\\w*|nach und nach|seit wochen|seit monaten|for weeks|for months)\\b");
    private static final String CANT_PEE_DE = "(?:kann|konnte|koennen|kannst)" + gap(4) + "(?:nicht|kaum|schlecht|schwer"
            + "|nur schwer|nicht mehr)" + gap(3) + PEE_DE;
    private static final String HOLD_DE = "(?:nicht|kaum|schlecht|nicht mehr)" + gap(1)
            + "(?:halten|kontrollieren|zurueckhalten|einhalten|entleeren|leeren)";

    private static final List<Sign> SIGNS = List.of(
            new Sign("bladder", List.of(
                    own(CANT + gap(3) + PEE_EN),
                    own(CANT + " (?:hold|control|keep|stop)" + gap(3) + "(?:urine|pee|wee|water|bladder|it in)"),
                    own("(?:cant|cannot|dont|do not|no longer) (?:feel|notice|sense|know)" + gap(4)
                            + "(?:pee|wee|urinat\\w*|bladder|toilet(?! paper)|loo(?! roll))"),
                    own("no (?:urge|need) to (?:pee|wee|urinate|go)"),
                    own(CANT_PEE_DE),
                    own("(?:urin|harn|pipi|wasser|blase)" + gap(2) + HOLD_DE),
                    own("(?:kein|keinen) (?:harndrang|drang)"),
                    own("(?:blase|pinkeln|wasserlassen|wasser lassen|urinieren)" + gap(3)
                            + "(?:funktioniert|geht|klappt|gehorcht|macht)" + gap(2) + "(?:nicht|kaum|schlecht)"),
                    neg("(?:bladder|blase|harnblase|blasen(?:entleerung|schwaeche|problem\\w*|kontrolle|stoerung\\w*"
                            + "|funktion|laehmung|inkontinenz))"),
                    neg("(?:incontinen\\w*|inkontinen\\w*|retention|harnverhalt\\w*|urinverlust|harnverlust)"),
                    neg("(?:trouble|difficult\\w*|struggl\\w*|hard|problems?|issues?|straining)" + gap(3) + PEE_EN),
                    neg("(?:wet|wetting|wetted|peed|pissed|weed) (?:myself|my pants|my trousers|the bed)"),
                    neg("(?:leak\\w*|dribbl\\w*|losing|lost|lose)" + gap(2) + "(?:urine|pee|wee)"),
                    neg("(?:urine|pee|wee) (?:is )?(?:leak\\w*|dribbl\\w*|comes out|coming out)"),
                    neg("(?:lost|loss of|losing) (?:control of )?(?:my )?bladder(?: control)?"),
                    neg("(?:eingenaesst|einnaessen|eingepinkelt|in die hose gemacht|in die hose gepinkelt"
                            + "|(?:verliere|verloren)" + gap(2) + "urin|urin (?:laeuft|tropft|geht ab))"),
                    neg("(?:probleme?\\w*|schwierigkeit\\w*|muehe|beschwerden|schwer)" + gap(3) + "(?:beim |mit dem )?"
                            + "(?:pinkeln|wasserlassen|wasser lassen|urinieren)"))),
            new Sign("bowel", List.of(
                    own(CANT + " (?:hold|control|keep|stop)" + gap(3) + "(?:stool|stools|poo|poop|bowels?|faeces|feces)"),
                    own(CANT + " (?:poo|poop)"),
                    own("(?:cant|cannot|dont|do not) (?:feel|notice|sense|tell)" + gap(4) + "(?:poo|poop|stool|bowels?)"),
                    own("(?:stuhl|stuhlgang|kot|darm)" + gap(2) + HOLD_DE),
                    own("(?:stuhlgang|darm)" + gap(3) + "(?:funktioniert|geht|klappt|gehorcht|macht)" + gap(2)
                            + "(?:nicht|kaum|schlecht)"),
                    neg("(?:bowel|bowels|stuhlgang|stuhlinkontinenz|stuhlverlust|stuhldrang|darm|darmkontrolle"
                            + "|darmentleerung|faecal|fecal)"),
                    neg("(?:soiled|soiling|pooed|pooped|shat|messed) (?:myself|my pants|my trousers)"),
                    neg("(?:in die hose gekackt|eingekotet|einkoten)"))),
            new Sign("saddle", List.of(
                    own(NO_FEELING_EN + gap(5) + SADDLE_AREA),
                    own(SADDLE_AREA + gap(3) + NO_FEELING_EN),
                    own(NO_FEELING_DE + gap(4) + SADDLE_AREA),
                    own(SADDLE_AREA + gap(4) + NO_FEELING_DE),
                    own("(?:spuere|fuehle|merke|spuer|fuehl)" + gap(3) + SADDLE_AREA + gap(2)
                            + "(?:nichts|nicht|kaum|wenig)"),
                    own("(?:cant|cannot|dont|do not) feel" + gap(2) + "(?:toilet paper|wiping|when i wipe|myself wipe)"),
                    neg("(?:" + NUMB_EN + "|" + NUMB_DE + ")" + gap(5) + SADDLE_AREA),
                    neg(SADDLE_AREA + gap(5) + "(?:" + NUMB_EN + "|" + NUMB_DE + ")"),
                    neg("(?:saddle (?:numb\\w*|anaesth\\w*|anesth\\w*)|reithose\\w*)"))),
            new Sign("sexual", List.of(
                    own(CANT + " (?:get|keep|have|maintain)" + gap(1) + "(?:an |it )?(?:erection|hard|it up)"),
                    own(CANT + " (?:orgasm|climax|ejaculate|come)"),
                    own("(?:keine|kein|keinen) (?:erektion|orgasmus|steife\\w*)"),
                    own("(?:kann|konnte)" + gap(3) + "(?:keine|keinen|nicht)" + gap(2)
                            + "(?:erektion|orgasmus|kommen|steif\\w*)"),
                    own("(?:sex|intercourse|orgasm|beim sex|beim geschlechtsverkehr)" + gap(4)
                            + "(?:" + NO_FEELING_EN + "|" + NO_FEELING_DE + ")"),
                    own("(?:" + NO_FEELING_EN + "|" + NO_FEELING_DE + ")" + gap(4)
                            + "(?:sex|intercourse|orgasm|beim sex|geschlechtsverkehr)"),
                    neg("(?:erectile\\w*|impoten\\w*|erection (?:problems?|issues?|trouble)|erektionsstoerung\\w*"
                            + "|erektionsproblem\\w*|erektile\\w*|potenzproblem\\w*|potenzstoerung\\w*)"),
                    neg("(?:problems?|trouble|issues?|difficult\\w*|probleme?\\w*|schwierigkeit\\w*)" + gap(3)
                            + "(?:erection|erektion|orgasm|orgasmus|ejaculat\\w*|sex)"),
                    neg("(?:sex|intercourse|orgasm)" + gap(4) + "(?:" + NUMB_EN + "|" + NUMB_DE + ")"),
                    neg("(?:" + NUMB_EN + "|" + NUMB_DE + ")" + gap(4) + "(?:during sex|beim sex|beim orgasmus)"))),
            new Sign("both-legs", List.of(
                    neg(BOTH_LEGS + gap(5) + LEG_SYMPTOM),
                    neg(LEG_SYMPTOM + gap(5) + BOTH_LEGS),
                    neg("(?:into|down|in|through|bis in) " + BOTH_LEGS),
                    own("(?:cant|cannot|dont|do not|no longer) feel (?:my |both )?" + LEGS),
                    own("(?:spuere|fuehle|spuer)" + gap(1) + "(?:meine |die |beide )?" + LEGS + gap(1) + "(?:nicht|kaum)"),
                    own(LEGS + gap(2) + "(?:spuere|fuehle) ich (?:nicht|kaum)"),
                    neg(LEG_NEURO + gap(4) + LEGS),
                    neg(LEGS + gap(4) + LEG_NEURO))),
            new Sign("weakness-fast", List.of(
                    neg(LIMB + gap(5) + WEAK, FAST, SLOW),
                    neg(WEAK + gap(5) + LIMB, FAST, SLOW),
                    own(CANT + " (?:lift|raise|move|stand on)" + gap(2) + "(?:foot|leg|toes|feet|legs)", FAST, SLOW),
                    own("(?:kann|konnte)" + gap(5) + "(?:nicht|kaum|nicht mehr)" + gap(1) + "(?:heben|anheben|bewegen"
                            + "|stehen|auftreten)", FAST, SLOW))));

    private static final Set<String> CUES_BEFORE = Set.of("no", "not", "never", "none", "without", "nor", "neither",
            "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "isnt", "arent", "wasnt", "werent", "wont", "nothing",
            "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei", "nicht", "nie", "niemals", "ohne",
            "weder", "nichts");
    private static final Set<String> CUES_AT_END = Set.of("no", "none", "nein", "kein", "keine", "keinen", "keiner",
            "keins", "nicht", "nie", "niemals", "nichts");
    private static final int WINDOW = 6;
    private static final Pattern REASSURED = Pattern.compile("\\b(?:fine|ok|okay|normal|alright|all right|all good"
            + "|is good|are good|feels? good|works well|working well|as usual|as normal|unchanged|perfect|great"
            + "|in ordnung|alles gut|ist gut|sind gut|geht gut|funktioniert gut|klappt gut|bestens|unauffaellig\\w*"
            + "|wie immer|wie sonst|passt|super|prima|perfekt|problemlos)\\b");
    private static final Pattern UNSURE = Pattern.compile("\\b(?:not sure|unsure|dont know|do not know|not certain"
            + "|maybe|perhaps|possibly|might|i think|wonder\\w*|nicht sicher|unsicher|weiss nicht|weiss ich nicht"
            + "|vielleicht|moeglicherweise|eventuell|glaube|koennte|kann sein)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;,\\n]+|\\s(?:but|however|although|though"
            + "|whereas|except|aber|jedoch|sondern|allerdings|ausser|trotzdem|dafuer)\\s|\\s(?:and|und|plus)\\s(?="
            + "(?:i|im|ive|my|now|since|it|its|ich|mein\\w*|jetzt|seit|es|dann|then)\\s)");

    private SymptomWords() {
    }

    /**
     * The id of the first first-tier sign the text suggests ("bladder", "bowel", "saddle", "sexual", "both-legs",
     * "weakness-fast"), or empty.
     */
    public static Optional<String> emergencySign(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalised = normalise(text);
        List<String> clauses = clauses(normalised);
        for (Sign sign : SIGNS) {
            for (String clause : clauses) {
                if (suggests(sign, " " + clause + " ", normalised)) {
                    return Optional.of(sign.id());
                }
            }
        }
        return Optional.empty();
    }

    /** Conditions on a rule ("getting worse", "slowly") may stand in another clause of the same text. */
    private static boolean suggests(Sign sign, String clause, String text) {
        boolean unsure = UNSURE.matcher(clause).find();
        for (Rule rule : sign.rules()) {
            if (rule.requires() != null && !rule.requires().matcher(text).find()
                    || rule.unless() != null && rule.unless().matcher(text).find()) {
                continue;
            }
            Matcher m = rule.pattern().matcher(clause);
            while (m.find()) {
                if (rule.ownNegation() || unsure || !denied(clause, m.start(), m.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the clause denies or plays down the words between start and end. */
    private static boolean denied(String clause, int start, int end) {
        List<String> before = words(clause.substring(0, start));
        for (String word : before.subList(Math.max(0, before.size() - WINDOW), before.size())) {
            if (CUES_BEFORE.contains(word)) {
                return true;
            }
        }
        for (String word : words(clause.substring(start, end))) {
            if (CUES_BEFORE.contains(word)) {
                return true;
            }
        }
        List<String> after = words(clause.substring(end));
        // German puts the denial last ("Taubheit habe ich keine"), and so does a note ("numbness in groin: no").
        if (!after.isEmpty() && after.size() <= 4 && CUES_AT_END.contains(after.get(after.size() - 1))) {
            return true;
        }
        String outside = clause.substring(0, start) + " | " + clause.substring(end);
        Matcher reassured = REASSURED.matcher(outside);
        while (reassured.find()) {
            List<String> lead = words(outside.substring(0, reassured.start()));
            boolean contradicted = lead.subList(Math.max(0, lead.size() - 2), lead.size()).stream()
                    .anyMatch(w -> CUES_BEFORE.contains(w) || w.equals("no"));
            if (!contradicted) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        String trimmed = text.replace('|', ' ').trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** Lower case, umlauts spelled out, accents and apostrophes gone, other punctuation a space. */
    static String normalise(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replaceAll("[’‘`´'ʼ]", "")
                .replaceAll("[^\\p{L}\\p{N}.!?;,\\n]+", " ")
                .replaceAll(" +", " ");
    }

    static List<String> clauses(String normalised) {
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(" " + normalised + " ")) {
            String clause = part.trim();
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    private static Rule own(String regex) {
        return own(regex, null, null);
    }

    private static Rule own(String regex, Pattern requires, Pattern unless) {
        return new Rule(word(regex), true, requires, unless);
    }

    private static Rule neg(String regex) {
        return neg(regex, null, null);
    }

    private static Rule neg(String regex, Pattern requires, Pattern unless) {
        return new Rule(word(regex), false, requires, unless);
    }

    private static Pattern word(String regex) {
        return Pattern.compile("\\b" + regex + "\\b");
    }
}
