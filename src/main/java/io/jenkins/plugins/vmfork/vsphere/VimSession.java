package io.jenkins.plugins.vmfork.vsphere;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A vCenter session shared by everyone in this JVM who connects to the same endpoint (URL, user, password, trust,
 * timeouts), and safe for concurrent calls. When vCenter has ended the session (NotAuthenticated), it logs in again
 * once and repeats the call once. The last holder to close it logs out.
 */
public final class VimSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VimSession.class.getName());
    private static final Map<Endpoint, VimSession> OPEN = new HashMap<>();

    private final Endpoint endpoint;
    private final Object loginLock = new Object();
    private volatile Connection current;
    private int holders;
    private boolean released;

    private VimSession(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Joins the open session for this endpoint, or logs in. Each call must be matched by one {@link #close()}. */
    public static VimSession open(Endpoint endpoint) {
        VimSession session;
        synchronized (OPEN) {
            session = OPEN.computeIfAbsent(endpoint, VimSession::new);
            session.holders++;
        }
        try {
            session.connection();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The endpoint this session is for. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** Where VMs were found on this vCenter; the entries outlive sessions, as managed object ids do. */
    KnownVms knownVms() {
        return KnownVms.on(endpoint.url());
    }

    /** {@code VirtualCenter} for a vCenter. */
    public String apiType() {
        return connection().refs.apiType();
    }

    /** e.g. {@code 6.5}. */
    public String apiVersion() {
        return connection().refs.apiVersion();
    }

    /** e.g. {@code VMware vCenter Server 6.5.0 build-123}. */
    public String fullName() {
        return connection().refs.fullName();
    }

    /** Leaves the session; the last holder logs out. */
    @Override
    public void close() {
        Connection toLogOut = null;
        synchronized (OPEN) {
            if (--holders > 0 || released) {
                return;
            }
            released = true;
            OPEN.remove(endpoint, this);
            toLogOut = current;
        }
        if (toLogOut != null) {
            toLogOut.logout();
            LOG.fine(() -> "Logged out of " + endpoint.url());
        }
    }

    /**
     * Runs SOAP calls; when vCenter answers NotAuthenticated, logs in again once and runs them once more. Every
     * other failure becomes a {@link VimException} saying what failed; a failed new login says that it was one.
     */
    <T> T call(String what, VimCall<T> calls) {
        Connection used = connection();
        try {
            return calls.call(used);
        } catch (Exception e) {
            if (!Faults.is(e, "NotAuthenticated")) {
                throw Faults.of(what, e);
            }
        }
        Connection fresh;
        try {
            fresh = relogin(used);
        } catch (VimException e) {
            throw new VimException(
                    e.kind(),
                    e.fault(),
                    what + " failed: vCenter ended the session, and logging in again failed: " + e.getMessage(),
                    e);
        }
        try {
            return calls.call(fresh);
        } catch (Exception e) {
            throw Faults.of(what, e);
        }
    }

    private Connection connection() {
        Connection connection = current;
        if (connection != null) {
            return connection;
        }
        synchronized (loginLock) {
            if (current == null) {
                current = Connection.open(endpoint);
                LOG.fine(() -> "Logged in to " + endpoint.url() + " as " + endpoint.user());
            }
            return current;
        }
    }

    /** Logs in again unless another thread already replaced the expired connection. */
    private Connection relogin(Connection expired) {
        synchronized (loginLock) {
            if (current == expired) {
                LOG.fine(() -> "vCenter " + endpoint.url() + " ended the session; logging in again");
                current = Connection.open(endpoint);
            }
            return current;
        }
    }
}
