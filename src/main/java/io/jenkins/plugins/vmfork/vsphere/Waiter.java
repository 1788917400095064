package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.ObjectUpdate;
import com.vmware.vim25.PropertyChange;
import com.vmware.vim25.PropertyChangeOp;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertyFilterUpdate;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.UpdateSet;
import com.vmware.vim25.WaitOptions;
import java.rmi.RemoteException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Waits for properties of one object to reach a state, with WaitForUpdatesEx: vCenter answers when a watched
 * property changes, so there is no polling. Each wait has its own PropertyCollector, because concurrent waits on
 * the session's shared one would receive each other's updates.
 */
final class Waiter {

    /**
     * The longest single WaitForUpdatesEx call. It bounds how late an interrupt or the deadline is noticed; each
     * call costs vCenter one long-poll request.
     */
    private static final int MAX_WAIT_SECONDS = 2;

    private Waiter() {}

    /** The watched values when a wait ended, and whether {@code done} held for them. */
    record Seen(Map<String, Object> values, boolean done) {}

    /**
     * Waits until {@code done} holds for the watched values, and returns them; returns null when the deadline passes
     * first. Throws an INTERRUPTED {@link VimException} when the thread is interrupted.
     */
    static Map<String, Object> until(
            Connection c,
            ManagedObjectReference obj,
            String[] paths,
            Predicate<Map<String, Object>> done,
            Deadline deadline,
            String what)
            throws RemoteException {
        Seen seen = watch(c, obj, paths, done, deadline, what);
        return seen.done() ? seen.values() : null;
    }

    /**
     * Waits until {@code done} holds for the watched values or the deadline passes, and returns what was seen last,
     * for a message that says what the object showed instead.
     */
    static Seen watch(
            Connection c,
            ManagedObjectReference obj,
            String[] paths,
            Predicate<Map<String, Object>> done,
            Deadline deadline,
            String what)
            throws RemoteException {
        ManagedObjectReference collector = c.port.createPropertyCollector(c.refs.propertyCollector());
        try {
            c.port.createFilter(collector, filter(obj, paths), true);
            Map<String, Object> values = new HashMap<>();
            String version = "";
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw VimException.interrupted(what);
                }
                WaitOptions options = new WaitOptions();
                options.setMaxWaitSeconds(c.maxWaitSeconds(deadline.remaining(), MAX_WAIT_SECONDS));
                UpdateSet updates = c.port.waitForUpdatesEx(collector, version, options);
                if (updates != null) {
                    version = updates.getVersion();
                    apply(updates, values);
                }
                if (done.test(values)) {
                    return new Seen(values, true);
                }
                if (deadline.expired()) {
                    return new Seen(values, false);
                }
            }
        } finally {
            destroyQuietly(c, collector);
        }
    }

    private static PropertyFilterSpec filter(ManagedObjectReference obj, String[] paths) {
        ObjectSpec object = new ObjectSpec();
        object.setObj(obj);
        object.setSkip(false);
        PropertySpec properties = new PropertySpec();
        properties.setType(obj.getType());
        properties.setPathSet(paths);
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(new ObjectSpec[] {object});
        spec.setPropSet(new PropertySpec[] {properties});
        return spec;
    }

    private static void apply(UpdateSet updates, Map<String, Object> values) throws RemoteException {
        if (updates.getFilterSet() == null) {
            return;
        }
        for (PropertyFilterUpdate filter : updates.getFilterSet()) {
            for (ObjectUpdate object : filter.getObjectSet() == null ? new ObjectUpdate[0] : filter.getObjectSet()) {
                Props.checkMissing(object.getMissingSet());
                if (object.getChangeSet() == null) {
                    continue;
                }
                for (PropertyChange change : object.getChangeSet()) {
                    boolean removed = change.getOp() == PropertyChangeOp.remove
                            || change.getOp() == PropertyChangeOp.indirectRemove
                            || change.getVal() == null;
                    if (removed) {
                        values.remove(change.getName());
                    } else {
                        values.put(change.getName(), change.getVal());
                    }
                }
            }
        }
    }

    private static void destroyQuietly(Connection c, ManagedObjectReference collector) {
        try {
            c.port.destroyPropertyCollector(collector);
        } catch (Exception e) {
            // The collector goes with the session anyway; a failure here must not hide the wait's own result.
            java.util.logging.Logger.getLogger(Waiter.class.getName())
                    .fine(() -> "Destroying a property collector failed: " + e);
        }
    }
}
