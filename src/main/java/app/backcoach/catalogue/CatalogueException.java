package app.backcoach.catalogue;

import java.util.List;

/**
 * The catalogue cannot be used. The message lists every problem, one a line, each naming the file,
 * the entry and the field, so an operator can fix them all in one go rather than one per restart.
 */
public class CatalogueException extends RuntimeException {

    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogueException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem as one line of the message. */
    public List<String> problems() {
        return problems;
    }
}
