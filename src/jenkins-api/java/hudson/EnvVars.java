package hudson;

import java.util.TreeMap;

/**
 * Stand-in of a build's environment variables. Least behaviour: a plain sorted map (the real one also compares
 * names without case on Windows and expands {@code PATH+XYZ}), so that tests can read what an expander exported.
 */
public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    public EnvVars() {}

    /** Least behaviour: sets the value, as the real one does for every name but {@code PATH+XYZ} forms. */
    public void override(String key, String value) {
        put(key, value);
    }
}
