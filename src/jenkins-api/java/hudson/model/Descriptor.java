package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Stand-in of the metadata and form handling of a {@link Describable} type. Least behaviour: the constructors do
 * nothing, and {@link #load()} and {@link #save()} keep nothing on disk (tests check bound values, not files).
 */
public abstract class Descriptor<T extends Describable<T>> {

    protected Descriptor(Class<? extends T> clazz) {}

    protected Descriptor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("stand-in");
    }

    public synchronized void save() {}

    public synchronized void load() {}

    /**
     * Stand-in of the error that a configuration form shows next to the form. Least behaviour: keeps its message and
     * cause, as any exception does.
     */
    public static final class FormException extends Exception {

        private static final long serialVersionUID = 1L;

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
        }
    }
}
