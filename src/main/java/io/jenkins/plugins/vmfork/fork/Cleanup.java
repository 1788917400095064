package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.Deadline;
import io.jenkins.plugins.vmfork.vsphere.VimException;
import io.jenkins.plugins.vmfork.vsphere.VmRef;
import io.jenkins.plugins.vmfork.vsphere.VmState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Destroying children: one by id, name or path, the leftovers of a failed fork, and sweeps of leaked ones. */
final class Cleanup {

    private final Context ctx;

    Cleanup(Context ctx) {
        this.ctx = ctx;
    }

    /** Destroys a child; false when it does not exist (any more). Untagged VMs only when forced. */
    boolean destroy(String childSpec, boolean force) {
        VmRef vm;
        try {
            vm = ctx.vsphere().findVm(childSpec);
        } catch (VimException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
        VmState state = ctx.vsphere().state(vm.id(), ctx.readiness(), Tags.PREFIX);
        if (state == null) {
            return false;
        }
        if (!ChildRecords.tagged(state) && !force) {
            throw Errors.usage("VM " + vm.name() + " (" + vm.id() + ") carries no vmfork tags (" + Tags.CREATED
                    + "), so vmfork did not fork it: destroy it only with force, and only if you are sure");
        }
        return destroy(vm);
    }

    /**
     * Destroys what a failed fork left, trying again a few times (see {@link Retry#cleanup}) within one cleanup
     * deadline; false when it still failed, the last failure then recorded on the fork's own failure.
     */
    boolean destroyQuietly(VmRef vm, RuntimeException forkFailure) {
        Deadline deadline = Deadline.after(Context.CLEANUP_TIMEOUT);
        try {
            Retry.cleanup("destroying " + vm.name(), deadline, () -> destroy(vm, deadline));
            return true;
        } catch (RuntimeException e) {
            forkFailure.addSuppressed(new VmforkException(
                    VmforkException.Kind.REFUSED,
                    null,
                    "Child " + vm.name() + " (" + vm.id() + ") could not be destroyed: " + e.getMessage()
                            + "; destroy it by hand",
                    e));
            return false;
        }
    }

    /** Destroys (or lists) matching tagged children; tries them all, then reports every failure at once. */
    List<Child> sweep(SweepCriteria criteria) {
        String parentId = criteria.parent() == null
                ? null
                : ctx.vsphere().findVm(criteria.parent()).id();
        Instant now = Instant.now();
        List<Child> matching = new ChildRecords(ctx)
                .childrenOf(parentId).stream()
                        .filter(child -> criteria.matches(child, now))
                        .toList();
        if (criteria.dryRun()) {
            return matching;
        }
        List<Child> destroyed = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (Child child : matching) {
            try {
                destroy(new VmRef(child.id(), child.name()));
                destroyed.add(child);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            VmforkException summary = new VmforkException(
                    VmforkException.Kind.REFUSED,
                    null,
                    "The sweep destroyed " + destroyed.size() + " of " + matching.size() + " children; "
                            + failures.get(0).getMessage());
            failures.forEach(summary::addSuppressed);
            throw summary;
        }
        return destroyed;
    }

    private boolean destroy(VmRef vm) {
        return destroy(vm, Deadline.after(Context.CLEANUP_TIMEOUT));
    }

    private boolean destroy(VmRef vm, Deadline deadline) {
        long start = System.nanoTime();
        boolean destroyed = ctx.vsphere().destroy(vm, deadline);
        if (destroyed) {
            ctx.progress("Destroyed " + vm.name() + " (" + vm.id() + ")", vm.name(), start);
        }
        return destroyed;
    }
}
