package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ArrayOfOptionValue;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import io.jenkins.plugins.vmfork.vsphere.ForkCalls.Placement;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The vCenter operations that the fork sequence is made of, in plain types: VMs are named by id, tasks by id.
 * Every method throws {@link VimException} with a one-line message.
 */
public final class Vsphere {

    /** Which flag says that a parent is ready to be forked. */
    public enum Readiness {
        /** {@code runtime.quiescedForkParent}, and {@code config.forkConfigInfo.parentEnabled}. */
        VMFORK_QUIESCED("runtime.quiescedForkParent"),
        /** {@code runtime.instantCloneFrozen} (vSphere 6.7 and later). */
        INSTANT_CLONE_FROZEN("runtime.instantCloneFrozen");

        final String path;

        Readiness(String path) {
            this.path = path;
        }
    }

    /**
     * What a new child showed when {@link #start} ended.
     *
     * @param running whether it runs
     * @param ip the guest IP address seen last, or null
     */
    public record Started(boolean running, String ip) {}

    private final VimSession session;

    public Vsphere(VimSession session) {
        this.session = session;
    }

    public VimSession session() {
        return session;
    }

    /** A VM named by id ({@code vm-42}), inventory path ({@code /DC/vm/f/name}) or unique name. */
    public VmRef findVm(String spec) {
        return session.call("Finding VM '" + spec + "'", c -> {
            ManagedObjectReference ref = Inventory.find(c, "VirtualMachine", "VM", spec);
            return new VmRef(
                    ref.get_value(), (String) Props.read(c, ref, "name").get("name"));
        });
    }

    /**
     * The state of a VM named by id, path or unique name, like {@link #findVm} and then {@link #state}, but found
     * where it was found before in this session while it still has the name and folder it had then: one request
     * instead of five for a parent that children are forked from again and again. Null when it is gone.
     */
    public VmState findState(String spec, Readiness readiness, String tagPrefix) {
        KnownVms.Found known = session.knownVms().recall(spec);
        if (known != null) {
            VmState state = state(known.id(), readiness, tagPrefix);
            if (state != null
                    && state.name().equals(known.name())
                    && Objects.equals(state.folderId(), known.folderId())) {
                return state;
            }
            session.knownVms().forget(spec);
        }
        VmState state = state(findVm(spec).id(), readiness, tagPrefix);
        if (state != null) {
            session.knownVms().remember(spec, new KnownVms.Found(state.id(), state.name(), state.folderId()));
        }
        return state;
    }

    /** The id of a folder, resource pool or datastore named by id, path or unique name. */
    public String findId(String type, String kind, String spec) {
        return session.call("Finding " + kind + " '" + spec + "'", c -> Inventory.find(c, type, kind, spec))
                .get_value();
    }

    /** The inventory path of a VM, e.g. {@code /DC/vm/folder/name}. */
    public String inventoryPath(String vmId) {
        return session.call("Reading the path of VM " + vmId, c -> Inventory.path(c, Refs.vm(vmId)));
    }

    /** The state of a VM, with its config parameters that start with {@code tagPrefix}; null when it is gone. */
    public VmState state(String vmId, Readiness readiness, String tagPrefix) {
        String[] paths = readiness == Readiness.VMFORK_QUIESCED
                ? paths("config.forkConfigInfo.parentEnabled", readiness.path)
                : paths(readiness.path);
        return session.call("Reading VM " + vmId, c -> {
            Map<String, Object> v = Props.read(c, Refs.vm(vmId), paths);
            return v == null ? null : state(vmId, v, readiness, tagPrefix);
        });
    }

    /**
     * Every VM with a config parameter that starts with {@code tagPrefix}. Reads name, power, IP and config
     * parameters of all VMs: one pass over the inventory.
     */
    public List<VmState> taggedVms(String tagPrefix) {
        return session.call("Listing VMs", c -> {
            List<VmState> tagged = new ArrayList<>();
            Props.readAll(c, "VirtualMachine", paths()).forEach((id, v) -> {
                VmState vm = state(id, v, null, tagPrefix);
                if (!vm.tags().isEmpty()) {
                    tagged.add(vm);
                }
            });
            return tagged;
        });
    }

    /** The VM of this name directly in a folder, or null. */
    public String vmInFolder(String folderId, String name) {
        return session.call("Looking for VM " + name, c -> {
            ManagedObjectReference found =
                    Inventory.children(c, Refs.of("Folder", folderId)).get(name);
            return found != null && found.getType().equals("VirtualMachine") ? found.get_value() : null;
        });
    }

    public void enableForkParent(VmRef vm, Deadline deadline) {
        String what = "Enabling " + vm.name() + " as a fork parent";
        session.call(what, c -> await(c, ForkCalls.enableForkParent(c, Refs.vm(vm.id())), what, vm, deadline));
    }

    public void disableForkParent(VmRef vm, Deadline deadline) {
        String what = "Disabling fork parent " + vm.name();
        session.call(what, c -> await(c, ForkCalls.disableForkParent(c, Refs.vm(vm.id())), what, vm, deadline));
    }

    /** Starts CreateForkChild_Task and returns the task's id. */
    public String startForkChild(
            VmRef parent,
            String name,
            boolean persistent,
            Map<String, String> params,
            String folderId,
            String poolId,
            String datastoreId) {
        Placement placement = placement(folderId, poolId, datastoreId);
        return session.call(
                        "Forking " + name + " from " + parent.name(),
                        c -> ForkCalls.createForkChild(c, Refs.vm(parent.id()), name, persistent, params, placement))
                .get_value();
    }

    /** Starts InstantClone_Task and returns the task's id. */
    public String startInstantClone(
            VmRef parent, String name, Map<String, String> params, String folderId, String poolId, String datastoreId) {
        Placement placement = placement(folderId, poolId, datastoreId);
        return session.call(
                        "Instant-cloning " + name + " from " + parent.name(),
                        c -> ForkCalls.instantClone(c, Refs.vm(parent.id()), name, params, placement))
                .get_value();
    }

    /** Waits for a task to succeed; cancels it at the deadline. */
    public void awaitTask(String taskId, String what, VmRef vm, Deadline deadline) {
        session.call(what, c -> await(c, Refs.of("Task", taskId), what, vm, deadline));
    }

    /** The VM a finished task answered with, or null. */
    public String taskResultVm(String taskId) {
        return Refs.id(
                session.call("Reading the result of task " + taskId, c -> Tasks.resultVm(c, Refs.of("Task", taskId))));
    }

    /**
     * Starts a new child: powers it on ({@code powerOn}; otherwise only when it shows that it does not run) and waits
     * in one go until it runs and, given an IP deadline, reports a guest IP address other than {@code notIp}. When the
     * IP deadline passes first, the address seen last is returned: {@code notIp} or null. A power-on that fails
     * throws; one that does not end by its deadline is cancelled and throws.
     */
    public Started start(VmRef vm, boolean powerOn, String notIp, Deadline powerDeadline, Deadline ipDeadline) {
        return session.call(
                "Powering on " + vm.name(), c -> ChildStart.run(c, vm, powerOn, notIp, powerDeadline, ipDeadline));
    }

    /** Resets a VM (a frozen Instant Clone parent thaws). */
    public void reset(VmRef vm, Deadline deadline) {
        String what = "Resetting " + vm.name();
        session.call(what, c -> await(c, c.port.resetVM_Task(Refs.vm(vm.id())), what, vm, deadline));
    }

    /** Powers off (already off is fine) and destroys a VM; false when it did not exist. */
    public boolean destroy(VmRef vm, Deadline deadline) {
        return VmRemoval.destroy(session, vm, deadline);
    }

    /** Waits until the readiness flag of a parent is true; false when the deadline passed first. */
    public boolean awaitReady(VmRef vm, Readiness readiness, Deadline deadline) {
        String what = "Waiting for " + vm.name() + " to be quiesced";
        return session.call(
                what,
                c -> Waiter.until(
                                c,
                                Refs.vm(vm.id()),
                                paths(readiness.path),
                                v -> Boolean.TRUE.equals(v.get(readiness.path)),
                                deadline,
                                what)
                        != null);
    }

    /** Waits until the guest accepts operations. */
    public void awaitGuest(VmRef vm, Deadline deadline) {
        session.call("Waiting for the guest of " + vm.name(), c -> {
            Guest.awaitReady(c, Refs.vm(vm.id()), vm.name(), deadline);
            return null;
        });
    }

    /** Starts a command in the guest without waiting for it. */
    public void startInGuest(VmRef vm, String user, String password, String command) {
        session.call(guestWhat(vm, user, command), c -> Guest.start(c, Refs.vm(vm.id()), user, password, command));
    }

    /** Runs a command in the guest and waits for it; returns the exit code. */
    public int runInGuest(VmRef vm, String user, String password, String command, Deadline deadline) {
        String what = guestWhat(vm, user, command);
        return session.call(what, c -> Guest.run(c, Refs.vm(vm.id()), user, password, command, deadline, what));
    }

    private static String guestWhat(VmRef vm, String user, String command) {
        return "Running '" + command + "' in " + vm.name() + " as guest user '" + user + "'";
    }

    private static Object await(Connection c, ManagedObjectReference task, String what, VmRef vm, Deadline deadline)
            throws RemoteException {
        Tasks.await(c, task, what, vm.name(), deadline);
        return null;
    }

    private static String[] paths(String... extra) {
        List<String> all = new ArrayList<>(
                List.of("name", "runtime.powerState", "guest.ipAddress", "parent", "config.extraConfig"));
        all.addAll(List.of(extra));
        return all.toArray(new String[0]);
    }

    private static VmState state(String id, Map<String, Object> v, Readiness readiness, String tagPrefix) {
        Map<String, String> tags = new HashMap<>();
        // vCenter sends the array wrapped in an ArrayOfOptionValue.
        if (tagPrefix != null
                && v.get("config.extraConfig") instanceof ArrayOfOptionValue options
                && options.getOptionValue() != null) {
            for (OptionValue option : options.getOptionValue()) {
                if (option.getKey().startsWith(tagPrefix) && option.getValue() != null) {
                    tags.put(option.getKey(), option.getValue().toString());
                }
            }
        }
        boolean forkParent = Boolean.TRUE.equals(v.get("config.forkConfigInfo.parentEnabled"));
        boolean ready = readiness != null && Boolean.TRUE.equals(v.get(readiness.path));
        Object power = v.get("runtime.powerState");
        ManagedObjectReference folder = (ManagedObjectReference) v.get("parent");
        return new VmState(
                id,
                (String) v.get("name"),
                power == null ? null : power.toString(),
                forkParent,
                ready,
                (String) v.get("guest.ipAddress"),
                Refs.id(folder),
                tags);
    }

    private static Placement placement(String folderId, String poolId, String datastoreId) {
        return new Placement(
                folderId == null ? null : Refs.of("Folder", folderId),
                poolId == null ? null : Refs.of("ResourcePool", poolId),
                datastoreId == null ? null : Refs.of("Datastore", datastoreId));
    }
}
