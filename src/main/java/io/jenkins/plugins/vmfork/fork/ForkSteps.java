package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.Deadline;
import io.jenkins.plugins.vmfork.vsphere.VimException;
import io.jenkins.plugins.vmfork.vsphere.VmRef;
import io.jenkins.plugins.vmfork.vsphere.VmState;
import io.jenkins.plugins.vmfork.vsphere.Vsphere.Started;
import java.time.Instant;
import java.util.Map;

/**
 * Forking one child: check the parent, start the fork task, find the child, power it on, wait for its IP, run the
 * post-fork command. Whatever fails after the task was started, including an interrupt, the child is destroyed
 * before the failure is thrown.
 */
final class ForkSteps {

    private final Context ctx;

    /** What exists so far, for the cleanup. */
    private String taskId;

    private VmRef child;

    private String childName;

    private String folderId;

    private VmRef parentRef;

    private Instant created;

    ForkSteps(Context ctx) {
        this.ctx = ctx;
    }

    Child fork(ChildSpec spec) {
        long start = System.nanoTime();
        VmState parent = readyParent(spec.parent());
        parentRef = parent.ref();
        childName = spec.name() != null ? spec.name() : ChildNames.generate(spec.namePrefix());
        created = Instant.now();
        Map<String, String> params =
                ChildRecords.tags(spec, childName, parent.id(), parent.name(), ctx.mode(), created);
        folderId = spec.folder() == null ? parent.folderId() : placement("Folder", "folder", spec.folder());
        String poolId = placement("ResourcePool", "resource pool", spec.resourcePool());
        String datastoreId = placement("Datastore", "datastore", spec.datastore());
        try {
            child = create(spec, parent, params, poolId, datastoreId);
            Child result = finish(spec, parent);
            ctx.progress(
                    "Forked " + result.name() + " (" + result.id() + ") from " + parent.name()
                            + (result.ip() == null ? "" : ", IP " + result.ip()),
                    result.name(),
                    start);
            return result;
        } catch (RuntimeException | Error failure) {
            throw cleanUp(failure, spec);
        }
    }

    private VmState readyParent(String parentSpec) {
        VmState state = ctx.vsphere().findState(parentSpec, ctx.readiness(), Tags.PREFIX);
        if (state == null || !state.poweredOn()) {
            throw Errors.refused(
                    "Parent " + (state == null ? parentSpec + " is gone" : state.name() + " is " + state.powerState())
                            + ": power it on and enable it before forking");
        }
        if (ctx.mode() == ForkMode.VMFORK && !state.forkParent()) {
            throw Errors.refused("Parent " + state.name() + " is not enabled as a fork parent: enable it first");
        }
        if (ctx.mode() == ForkMode.VMFORK && !state.quiesced()) {
            throw Errors.refused("Parent " + state.name() + " is enabled but not quiesced: enable it again with "
                    + "guest credentials, so that its guest is quiesced");
        }
        return state;
    }

    private String placement(String type, String kind, String spec) {
        return spec == null ? null : ctx.vsphere().findId(type, kind, spec);
    }

    private VmRef create(
            ChildSpec spec, VmState parent, Map<String, String> params, String poolId, String datastoreId) {
        String what = "Forking " + childName + " from " + parent.name();
        Deadline deadline = Deadline.after(spec.forkTimeout());
        Retry.whileBusy(what, () -> {
            taskId = ctx.mode() == ForkMode.VMFORK
                    ? ctx.vsphere()
                            .startForkChild(
                                    parent.ref(), childName, spec.persistent(), params, folderId, poolId, datastoreId)
                    : ctx.vsphere().startInstantClone(parent.ref(), childName, params, folderId, poolId, datastoreId);
            ctx.vsphere().awaitTask(taskId, what, parent.ref(), deadline);
            return null;
        });
        return createdChild();
    }

    /**
     * The child by the task's result when it is a VM reference (undocumented for VMFork), else by name; a VM found
     * by name counts only when it carries this fork's creation tag, so that another VM of that name is never taken.
     */
    private VmRef createdChild() {
        String id = ctx.vsphere().taskResultVm(taskId);
        if (id == null && folderId != null) {
            id = ctx.vsphere().vmInFolder(folderId, childName);
            VmState found = id == null ? null : ctx.vsphere().state(id, ctx.readiness(), Tags.PREFIX);
            if (found == null || !created.toString().equals(found.tags().get(Tags.CREATED))) {
                id = null;
            }
        }
        if (id == null) {
            throw Errors.refused("The fork task " + taskId + " succeeded but no VM named " + childName
                    + " can be found in its folder: check the vCenter's tasks and events");
        }
        return new VmRef(id, childName);
    }

    private Child finish(ChildSpec spec, VmState parent) {
        Deadline ipDeadline = spec.waitForIp() ? Deadline.after(spec.ipTimeout()) : null;
        // A VMFork child comes back powered off, and powering it on resumes it from the parent's frozen state. An
        // Instant Clone runs from the start: powering it on anyway would show vCenter's admins a failed task per child.
        Started started = ctx.vsphere()
                .start(
                        child,
                        ctx.mode() == ForkMode.VMFORK,
                        parent.ip(),
                        Deadline.after(spec.forkTimeout()),
                        ipDeadline);
        String ip = null;
        if (spec.waitForIp()) {
            ip = started.ip();
            if (!started.running() || ip == null || ip.equals(parent.ip())) {
                throw noIpOfItsOwn(ip, parent, ipDeadline);
            }
        }
        if (spec.postForkCommand() != null) {
            runPostFork(spec);
        }
        return new Child(
                childName, child.id(), ip, parent.name(), parent.id(), created, spec.owner(), spec.job(), spec.build());
    }

    /**
     * A child wakes with its parent's network identity until its guest reacts to the new MAC; a build must never get
     * the parent's address, so a child still showing it (or none) at the deadline fails the fork.
     */
    private VmforkException noIpOfItsOwn(String seen, VmState parent, Deadline deadline) {
        String shown = seen == null
                ? "reported no IP address"
                : "still reported " + seen + ", the IP address of its parent " + parent.name() + ",";
        return Errors.timeout("Child " + childName + " " + shown + " when its IP timeout of "
                + ForkEvent.seconds(deadline.allowed()) + " ran out: check that the guest refreshes its network "
                + "after forking, or allow more time");
    }

    private void runPostFork(ChildSpec spec) {
        Deadline deadline = Deadline.after(spec.ipTimeout());
        ctx.vsphere().awaitGuest(child, deadline);
        int exit = ctx.vsphere()
                .runInGuest(child, spec.guest().user(), spec.guest().password(), spec.postForkCommand(), deadline);
        if (exit != 0) {
            throw Errors.refused("Post-fork command '" + spec.postForkCommand() + "' in " + childName + " exited with "
                    + exit + ": fix the command or the parent's guest");
        }
    }

    /**
     * Destroys what was created, with fresh deadlines and the interrupt flag cleared meanwhile (an interrupt must not
     * stop the cleanup); then returns the failure to throw, carrying the child when it could not be destroyed.
     */
    private RuntimeException cleanUp(Throwable failure, ChildSpec spec) {
        boolean interrupted = Thread.interrupted();
        RuntimeException thrown = failure instanceof VimException v
                ? Errors.of(v)
                : failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        VmRef left = null;
        try {
            VmRef made = child != null ? child : unfinishedChild();
            if (made != null && !new Cleanup(ctx).destroyQuietly(made, thrown)) {
                left = made;
            }
        } catch (RuntimeException e) {
            thrown.addSuppressed(e);
        } finally {
            if (interrupted || thrown instanceof VmforkException v && v.kind() == VmforkException.Kind.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
        }
        return left == null ? thrown : leaving(thrown, left, spec);
    }

    /** The failure with the child it leaves behind as data, so that the caller can record it for a later sweep. */
    private VmforkException leaving(RuntimeException thrown, VmRef left, ChildSpec spec) {
        VmforkException failure = thrown instanceof VmforkException v
                ? v
                : new VmforkException(
                        VmforkException.Kind.REFUSED, null, "Forking " + childName + " failed: " + thrown, thrown);
        if (failure != thrown) {
            for (Throwable also : thrown.getSuppressed()) {
                failure.addSuppressed(also);
            }
        }
        return failure.leaving(new Child(
                childName,
                left.id(),
                null,
                parentRef.name(),
                parentRef.id(),
                created,
                spec.owner(),
                spec.job(),
                spec.build()));
    }

    /** After a failure before the child was known: let the task end, then find what it made. */
    private VmRef unfinishedChild() {
        if (taskId == null) {
            return null;
        }
        try {
            ctx.vsphere()
                    .awaitTask(
                            taskId,
                            "Waiting for the unfinished fork of " + childName,
                            parentRef,
                            Deadline.after(Context.CLEANUP_TIMEOUT));
        } catch (VimException ended) {
            if (ended.kind() == VimException.Kind.TIMEOUT || ended.kind() == VimException.Kind.INTERRUPTED) {
                throw ended;
            }
        }
        try {
            return createdChild();
        } catch (VmforkException nothingMade) {
            return null;
        }
    }
}
