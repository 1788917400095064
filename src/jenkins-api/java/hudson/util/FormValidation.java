package hudson.util;

import java.io.IOException;

/**
 * Stand-in of the answer of a form check. Least behaviour: the factories keep the kind and the message as given, so
 * that tests can read both. (The real factories HTML-escape the message first; tests use plain text.)
 */
public abstract class FormValidation extends IOException {

    private static final long serialVersionUID = 1L;

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public static FormValidation error(String message) {
        return answer(Kind.ERROR, message);
    }

    public static FormValidation warning(String message) {
        return answer(Kind.WARNING, message);
    }

    public static FormValidation ok(String message) {
        return answer(Kind.OK, message);
    }

    public static FormValidation ok() {
        return answer(Kind.OK, null);
    }

    private static FormValidation answer(Kind kind, String message) {
        return new FormValidation(kind, message) {
            private static final long serialVersionUID = 1L;
        };
    }
}
