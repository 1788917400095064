package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.VmforkException;

/**
 * A build's child from fork to destruction, without Jenkins types: fork it in its parent's turn, record it as
 * pending cleanup as soon as its id is known, destroy it and strike it off, or count the failure so that the
 * periodic sweep tries again.
 */
final class ChildLifecycle {

    private final PendingCleanups pending;
    private final BuildLog log;

    ChildLifecycle(PendingCleanups pending, BuildLog log) {
        this.pending = pending;
        this.log = log;
    }

    /**
     * Forks a child and, unless it is kept, records it for cleanup under its build.
     *
     * @param maxForksAtOnce how many children of this parent may be forked at the same time
     */
    Child fork(Forker forker, String vcenter, ChildSpec spec, String runId, boolean keep, int maxForksAtOnce)
            throws InterruptedException {
        Child child;
        String parentKey = vcenter + "/" + spec.parent();
        Runnable waiting = () -> log.line("Waiting for a turn: " + maxForksAtOnce + " children of " + spec.parent()
                + " are being forked at once");
        try (ForkGate.Turn turn = ForkGate.SHARED.enter(parentKey, maxForksAtOnce, waiting)) {
            child = forker.fork(spec);
        } catch (VmforkException e) {
            // The fork failed and could not destroy its child either: the periodic sweep takes it from here.
            e.leftover().ifPresent(left -> {
                pending.add(PendingCleanup.of(vcenter, left, runId));
                log.line("Could not destroy " + left.name() + " (" + left.id() + ") after the failed fork;"
                        + " vmfork tries again when the build ends and then every few minutes");
            });
            throw e;
        }
        if (keep) {
            log.line("Keeping " + child.name() + " (" + child.id() + ") after the build; destroy it with"
                    + " vmforkCleanup child: '" + child.name() + "'");
        } else {
            pending.add(PendingCleanup.of(vcenter, child, runId));
        }
        return child;
    }

    /**
     * Destroys a child and strikes it off the pending list; a child that is already gone counts as done.
     *
     * @return whether it was destroyed now (false: it no longer existed)
     * @throws VmforkException when vCenter refused or could not be reached; the failure is counted on its record
     */
    boolean destroy(Forker forker, String vcenter, String childId, String childName) {
        boolean destroyed;
        try {
            destroyed = forker.destroy(childId, false);
        } catch (VmforkException e) {
            pending.failed(vcenter, childId, e.getMessage());
            throw e;
        }
        pending.remove(vcenter, childId);
        if (!destroyed) {
            log.line("Child " + childName + " (" + childId + ") was already gone");
        }
        return destroyed;
    }

    /** Like {@link #destroy}, but a failure is written to the log instead of thrown; it is retried later. */
    boolean destroyOrReport(Forker forker, String vcenter, String childId, String childName) {
        try {
            return destroy(forker, vcenter, childId, childName);
        } catch (VmforkException e) {
            log.line("Could not destroy " + childName + " (" + childId + "): " + StepErrors.message(e)
                    + ". vmfork tries again when the build ends and then every few minutes");
            return false;
        }
    }
}
