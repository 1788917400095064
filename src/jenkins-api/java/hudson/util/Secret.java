package hudson.util;

import java.io.Serializable;

/**
 * Stand-in of Jenkins' secret text. Least behaviour: holds the plain text given to {@link #fromString(String)} and
 * hands it back, so that test doubles of credentials can carry a password. Unlike the real one it encrypts nothing.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    /** Like the real one, gives the plain text away, so that a test that greps output for secrets catches its use. */
    @Override
    public String toString() {
        return value;
    }
}
