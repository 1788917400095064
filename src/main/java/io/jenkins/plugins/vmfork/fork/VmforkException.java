package io.jenkins.plugins.vmfork.fork;

import java.util.Objects;
import java.util.Optional;

/**
 * Every failure of the fork API: a one-line message (vCenter's own fault text and what to do) and a {@link Kind}
 * that callers map to exit codes or build results. Never contains a password, guest password or session cookie.
 */
public class VmforkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so that callers can react without parsing messages. */
    public enum Kind {
        /** Bad input from the caller, or a VM/parent/child that does not exist or is ambiguous. */
        USAGE,
        /** vCenter refused or failed the operation (a fault or a failed task). */
        REFUSED,
        /** A deadline passed: a task, a guest, an IP address did not arrive in time. */
        TIMEOUT,
        /** The vCenter could not be reached, or its TLS certificate was not trusted. */
        CONNECTION,
        /** vCenter rejected the user name or password (never retried, accounts lock). */
        LOGIN,
        /** The calling thread was interrupted; whatever had been created was destroyed. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String fault;
    private Child leftover;

    /**
     * @param kind what kind of failure
     * @param fault vCenter's fault type (e.g. {@code InvalidLogin}), or null when vCenter sent none
     * @param message one line: what failed, vCenter's text, what to do
     */
    public VmforkException(Kind kind, String fault, String message) {
        this(kind, fault, message, null);
    }

    public VmforkException(Kind kind, String fault, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fault = fault;
    }

    /** What kind of failure this is. */
    public Kind kind() {
        return kind;
    }

    /** vCenter's fault type name, such as {@code TaskInProgress}, or null. */
    public String fault() {
        return fault;
    }

    /**
     * The child that a failed fork made and could not destroy, even after trying again: record its id (or name) and
     * destroy it later, or leave it to a sweep. Empty when nothing was left, and also when the fork task had not
     * ended by the time vmfork gave up waiting for it: such a child, if vCenter makes it, carries vmfork's tags and is
     * found by a sweep.
     */
    public Optional<Child> leftover() {
        return Optional.ofNullable(leftover);
    }

    /** Records the child this failure leaves behind. */
    VmforkException leaving(Child child) {
        this.leftover = child;
        return this;
    }
}
