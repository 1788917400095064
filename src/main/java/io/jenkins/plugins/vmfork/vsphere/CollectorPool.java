package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import java.rmi.RemoteException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * The PropertyCollectors of one login that waits borrow, each wait putting one filter on its own collector. Creating
 * and destroying a collector per wait costs two requests every time; sharing one collector between concurrent waits
 * would hand each the others' updates. So a wait takes an idle collector (or creates one), and gives it back with its
 * filter destroyed. Collectors belong to the login: they end with it, and a new login starts a new pool. The first
 * is the login's own default collector (each session has its own instance), so that a login that waits for one thing
 * at a time creates none; it is never destroyed, only left out when a failed wait may have left a filter on it.
 */
final class CollectorPool {

    private static final Logger LOG = Logger.getLogger(CollectorPool.class.getName());

    /**
     * Idle collectors kept; more are destroyed when given back. About as many as forks that wait at once in a busy
     * CI farm: an idle collector without filters costs vCenter little.
     */
    static final int MAX_IDLE = 32;

    private final Deque<ManagedObjectReference> idle = new ArrayDeque<>();
    private final ManagedObjectReference sessionDefault;

    CollectorPool(ManagedObjectReference sessionDefault) {
        this.sessionDefault = sessionDefault;
        idle.push(sessionDefault);
    }

    /** An idle collector without filters, or a new one. */
    ManagedObjectReference take(Connection c) throws RemoteException {
        synchronized (idle) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
        }
        return c.port.createPropertyCollector(c.refs.propertyCollector());
    }

    /**
     * Gives a collector back after a wait. Its filter (null when none was made) is destroyed first; a collector whose
     * wait failed midway may still hold a filter or a pending wait, so it is destroyed instead, with its filters.
     */
    void giveBack(Connection c, ManagedObjectReference collector, ManagedObjectReference filter, boolean waitEnded) {
        if (waitEnded && (filter == null || destroyFilter(c, filter))) {
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.push(collector);
                    return;
                }
            }
        }
        if (collector == sessionDefault) {
            return;
        }
        try {
            c.port.destroyPropertyCollector(collector);
        } catch (Exception e) {
            // It goes with the session anyway; a failure here must not hide the wait's own result.
            LOG.fine(() -> "Destroying property collector " + collector.get_value() + " failed: " + e);
        }
    }

    private static boolean destroyFilter(Connection c, ManagedObjectReference filter) {
        try {
            c.port.destroyPropertyFilter(filter);
            return true;
        } catch (Exception e) {
            LOG.fine(() -> "Destroying property filter " + filter.get_value() + " failed: " + e);
            return false;
        }
    }
}
