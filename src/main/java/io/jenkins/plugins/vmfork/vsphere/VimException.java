package io.jenkins.plugins.vmfork.vsphere;

/**
 * A vSphere call failed; the message is one line (vCenter's own fault text and what to do) and never holds a
 * password or session cookie.
 */
public class VimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, mirrored one to one by the fork API. */
    public enum Kind {
        USAGE,
        REFUSED,
        TIMEOUT,
        CONNECTION,
        LOGIN,
        INTERRUPTED
    }

    private final Kind kind;
    private final String fault;

    public VimException(Kind kind, String fault, String message) {
        this(kind, fault, message, null);
    }

    public VimException(Kind kind, String fault, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.fault = fault;
    }

    /** What kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** vCenter's fault type, e.g. {@code TaskInProgress}, or null. */
    public String fault() {
        return fault;
    }

    /** Whether this says that the VM (or other object) asked for does not exist. */
    public boolean notFound() {
        return Inventory.NOT_FOUND.equals(fault) || "ManagedObjectNotFound".equals(fault);
    }

    /** Whether vCenter's fault is one of these types. */
    public boolean isFault(String... types) {
        for (String type : types) {
            if (type.equals(fault)) {
                return true;
            }
        }
        return false;
    }

    static VimException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new VimException(Kind.INTERRUPTED, null, "Interrupted while " + what);
    }
}
