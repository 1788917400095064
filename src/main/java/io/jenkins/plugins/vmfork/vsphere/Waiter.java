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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Waits for properties of objects to reach a state, with WaitForUpdatesEx: vCenter answers when a watched property
 * changes, so there is no polling. Each wait puts one filter on a collector of its own, borrowed from the login's
 * {@link CollectorPool}, because concurrent waits on one collector would receive each other's updates.
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

    /** An object and the property paths watched on it. */
    record Target(ManagedObjectReference obj, List<String> paths) {}

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
        return watch(c, List.of(new Target(obj, List.of(paths))), done, deadline, what);
    }

    /**
     * Like {@link #watch(Connection, ManagedObjectReference, String[], Predicate, Deadline, String)} for several
     * objects in one filter, such as a task and the VM it works on; their values share one map, so the paths of the
     * targets must differ.
     */
    static Seen watch(
            Connection c, List<Target> targets, Predicate<Map<String, Object>> done, Deadline deadline, String what)
            throws RemoteException {
        ManagedObjectReference collector = c.collectors.take(c);
        ManagedObjectReference filter = null;
        boolean ended = false;
        try {
            filter = c.port.createFilter(collector, filter(targets), true);
            Seen seen = waitFor(c, collector, done, deadline, what);
            ended = true;
            return seen;
        } finally {
            c.collectors.giveBack(c, collector, filter, ended);
        }
    }

    /**
     * Every wait starts from version "": the collector's one filter is new, and the full state it answers first is
     * that filter's. (vcsim would report a filter created after a collector's last version only once something in
     * its inventory changes; vCenter reports it either way.)
     */
    private static Seen waitFor(
            Connection c,
            ManagedObjectReference collector,
            Predicate<Map<String, Object>> done,
            Deadline deadline,
            String what)
            throws RemoteException {
        Map<String, Object> values = new HashMap<>();
        String version = "";
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw VimException.interrupted(what);
            }
            WaitOptions options = new WaitOptions();
            options.setMaxWaitSeconds(c.maxWaitSeconds(deadline.remaining(), MAX_WAIT_SECONDS));
            UpdateSet updates = c.port.waitForUpdatesEx(collector, version, options);
            // An interrupt during the long poll wins over what it brought: the caller is being stopped.
            if (Thread.currentThread().isInterrupted()) {
                throw VimException.interrupted(what);
            }
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
    }

    /** One object spec per target, one property spec per type: vCenter takes a type once per filter. */
    private static PropertyFilterSpec filter(List<Target> targets) {
        List<ObjectSpec> objects = new ArrayList<>();
        Map<String, Set<String>> pathsByType = new LinkedHashMap<>();
        for (Target target : targets) {
            ObjectSpec object = new ObjectSpec();
            object.setObj(target.obj());
            object.setSkip(false);
            objects.add(object);
            pathsByType
                    .computeIfAbsent(target.obj().getType(), t -> new LinkedHashSet<>())
                    .addAll(target.paths());
        }
        List<PropertySpec> properties = new ArrayList<>();
        pathsByType.forEach((type, paths) -> {
            PropertySpec spec = new PropertySpec();
            spec.setType(type);
            spec.setPathSet(paths.toArray(new String[0]));
            properties.add(spec);
        });
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(objects.toArray(new ObjectSpec[0]));
        spec.setPropSet(properties.toArray(new PropertySpec[0]));
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
}
