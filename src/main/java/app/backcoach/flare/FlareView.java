package app.backcoach.flare;

import app.backcoach.text.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The 48-hour plan as one message: positions of ease, walking, breathing, what to avoid, when to get
 * care, and the person's own note. Without a written plan the general one: the same headings with
 * the choices that suit most backs. The care section is the same for everyone and follows the safety
 * tiers (emergency now, a doctor today, a clinician).
 */
@ApplicationScoped
public class FlareView {

    /** What most backs do well with, when the person has not written their own. */
    static final List<String> DEFAULT_POSITIONS = List.of("back-chair", "side-pillow", "front");
    static final String DEFAULT_BREATHING = "slow-out";

    private final Texts texts;

    public FlareView(Texts texts) {
        this.texts = texts;
    }

    /** The plan with its closing line; {@code plan} may be null or unwritten (then the general plan). */
    public String render(FlarePlan plan, String language) {
        boolean own = plan != null && plan.written();
        return body(plan, language) + "\n\n" + texts.get(language, own ? "flare.footer.own" : "flare.footer.general");
    }

    /** The plan without its closing line. */
    public String body(FlarePlan plan, String language) {
        boolean own = plan != null && plan.written();
        List<String> parts = new ArrayList<>();
        parts.add(texts.get(language, "flare.title"));
        parts.add(texts.get(language, "flare.intro"));

        List<String> positions = own && !plan.positionList().isEmpty() ? plan.positionList() : DEFAULT_POSITIONS;
        parts.add(texts.get(language, "flare.heading.positions") + "\n"
                + positions.stream().map(position -> "• " + texts.get(language, "flare.position." + position))
                .collect(Collectors.joining("\n"))
                + "\n" + texts.get(language, "flare.positions.rest"));

        String walking = own && plan.walking != null ? plan.walking : "default";
        parts.add(texts.get(language, "flare.heading.walking") + "\n" + texts.get(language, "flare.walking." + walking));

        String breathing = own && plan.breathing != null ? plan.breathing : DEFAULT_BREATHING;
        parts.add(texts.get(language, "flare.heading.breathing") + "\n"
                + texts.get(language, "flare.breathing." + breathing));

        String avoid = texts.get(language, "flare.heading.avoid") + "\n" + texts.get(language, "flare.avoid");
        if (own && plan.avoid != null && !"nothing".equals(plan.avoid)) {
            avoid += "\n" + texts.get(language, "flare.avoid.own." + plan.avoid);
        }
        parts.add(avoid);

        parts.add(texts.get(language, "flare.heading.care") + "\n" + texts.get(language, "flare.care"));
        if (own && plan.note != null) {
            parts.add(texts.get(language, "flare.note", "note", plan.note));
        }
        return String.join("\n\n", parts);
    }
}
