package hudson;

import java.io.IOException;

/**
 * Stand-in of the failure that ends a build with its message only, no stack trace. Least behaviour: keeps its
 * message, as any exception does; tests read it.
 */
public class AbortException extends IOException {

    private static final long serialVersionUID = 1L;

    public AbortException(String message) {
        super(message);
    }
}
