package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.Deadline;
import io.jenkins.plugins.vmfork.vsphere.VmRef;
import io.jenkins.plugins.vmfork.vsphere.VmState;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/** Enabling, quiescing, inspecting and disabling parents. */
final class ParentSteps {

    /** One lock per vCenter and parent: a second caller waits, then finds the parent ready and leaves it alone. */
    private static final ConcurrentMap<String, ReentrantLock> PREPARING = new ConcurrentHashMap<>();

    private final Context ctx;

    ParentSteps(Context ctx) {
        this.ctx = ctx;
    }

    ParentStatus enable(String parentSpec, GuestCredentials guest, QuiesceOptions options) {
        VmRef parent = ctx.vsphere().findVm(parentSpec);
        ReentrantLock lock =
                PREPARING.computeIfAbsent(ctx.vcenter().url() + "|" + parent.id(), k -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw Errors.interrupted("waiting to prepare parent " + parent.name());
        }
        try {
            return prepare(parent, guest, options);
        } finally {
            lock.unlock();
        }
    }

    ParentStatus status(String parentSpec) {
        VmRef parent = ctx.vsphere().findVm(parentSpec);
        return status(state(parent));
    }

    ParentStatus disable(String parentSpec) {
        VmRef parent = ctx.vsphere().findVm(parentSpec);
        VmState state = state(parent);
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(Context.CLEANUP_TIMEOUT);
        if (ctx.mode() == ForkMode.VMFORK && state.forkParent()) {
            Retry.whileBusy("disabling " + parent.name(), () -> {
                ctx.vsphere().disableForkParent(parent, deadline);
                return null;
            });
            ctx.progress("Disabled fork parent " + parent.name(), parent.name(), start);
        } else if (ctx.mode() == ForkMode.INSTANT_CLONE && state.quiesced()) {
            // A frozen guest thaws only when the VM is power-cycled.
            ctx.vsphere().reset(parent, deadline);
            ctx.progress("Reset frozen parent " + parent.name(), parent.name(), start);
        }
        return status(state(parent));
    }

    private ParentStatus prepare(VmRef parent, GuestCredentials guest, QuiesceOptions options) {
        VmState state = state(parent);
        if (!state.poweredOn()) {
            throw Errors.refused("Parent " + parent.name() + " is " + state.powerState()
                    + ": power it on and let its guest boot before enabling it");
        }
        if (ctx.mode() == ForkMode.VMFORK && !state.forkParent()) {
            long start = System.nanoTime();
            Deadline deadline = Deadline.after(options.quiesceTimeout());
            Retry.whileBusy("enabling " + parent.name(), () -> {
                ctx.vsphere().enableForkParent(parent, deadline);
                return null;
            });
            ctx.progress("Enabled " + parent.name() + " as a fork parent", parent.name(), start);
        }
        if (guest != null && !state.quiesced()) {
            quiesce(parent, guest, options);
        } else if (state.quiesced()) {
            ctx.progress("Parent " + parent.name() + " is already " + quiescedWord(), parent.name(), System.nanoTime());
        }
        return status(state(parent));
    }

    private void quiesce(VmRef parent, GuestCredentials guest, QuiesceOptions options) {
        long start = System.nanoTime();
        ctx.vsphere().awaitGuest(parent, Deadline.after(options.guestReadyTimeout()));
        for (String command : options.commandsBefore()) {
            int exit = ctx.vsphere()
                    .runInGuest(
                            parent, guest.user(), guest.password(), command, Deadline.after(options.quiesceTimeout()));
            if (exit != 0) {
                throw Errors.refused("Command '" + command + "' in parent " + parent.name() + " exited with " + exit
                        + ": fix it in the guest or remove it from the commands run before quiescing");
            }
        }

        String command = options.command() != null
                ? options.command()
                : ctx.mode() == ForkMode.VMFORK ? QuiesceOptions.VMFORK_COMMAND : QuiesceOptions.INSTANT_CLONE_COMMAND;
        // Not waited for: the guest freezes inside this command, so it never reports an exit.
        ctx.vsphere().startInGuest(parent, guest.user(), guest.password(), command);
        Deadline deadline = Deadline.after(options.quiesceTimeout());
        if (!ctx.vsphere().awaitReady(parent, ctx.readiness(), deadline)) {
            throw Errors.timeout("Parent " + parent.name() + " was not " + quiescedWord() + " within "
                    + ForkEvent.seconds(deadline.allowed()) + " after '" + command + "': check that the command "
                    + "works in its guest (VMware Tools with fork support) or allow more time");
        }
        ctx.progress("Quiesced parent " + parent.name() + " with '" + command + "'", parent.name(), start);
    }

    private VmState state(VmRef parent) {
        VmState state = ctx.vsphere().state(parent.id(), ctx.readiness(), Tags.PREFIX);
        if (state == null) {
            throw Errors.usage("Parent " + parent.name() + " (" + parent.id() + ") no longer exists");
        }
        return state;
    }

    private ParentStatus status(VmState state) {
        boolean enabled = ctx.mode() == ForkMode.VMFORK ? state.forkParent() : state.poweredOn();
        List<String> children = new ChildRecords(ctx)
                .childrenOf(state.id()).stream().map(Child::name).toList();
        return new ParentStatus(state.name(), state.id(), enabled, state.quiesced(), children, state.ip());
    }

    private String quiescedWord() {
        return ctx.mode() == ForkMode.VMFORK ? "quiesced" : "frozen";
    }
}
