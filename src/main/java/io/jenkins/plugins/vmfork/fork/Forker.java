package io.jenkins.plugins.vmfork.fork;

import java.util.List;
import java.util.Optional;

/**
 * Forks, lists and destroys children of parent VMs on one vCenter. Safe for concurrent use; instances for the same
 * vCenter and user share one session underneath, which logs in again once when vCenter has expired it. Every method
 * throws {@link VmforkException} with a one-line message.
 */
public interface Forker extends AutoCloseable {

    /**
     * Connects (or joins the open session for the same vCenter and user), reads the vCenter's API version and
     * resolves the mode; a mode the vCenter lacks fails here, before anything is touched.
     */
    static Forker open(VCenter vcenter, ForkMode mode, ForkListener listener) {
        return VsphereForker.open(vcenter, mode, listener);
    }

    /** The vCenter's type and version, and the mode in use. */
    About about();

    /**
     * Makes a VM ready to be forked: enables it as a fork parent (VMFork) and, when guest credentials are given,
     * quiesces (VMFork) or freezes (Instant Clone) it from inside the guest. Idempotent: an enabled, quiesced parent
     * is left as it is. Only one call per parent runs at a time in this JVM; the others wait and see its result.
     *
     * @param parent name, inventory path or id of the parent
     * @param guest the guest account that runs the quiesce command, or null to only enable
     */
    ParentStatus enableParent(String parent, GuestCredentials guest, QuiesceOptions options);

    /** Whether the parent is enabled and quiesced, and its children. */
    ParentStatus parentStatus(String parent);

    /** Stops a VM from being a fork parent (VMFork), or unfreezes it by a reset (Instant Clone). */
    ParentStatus disableParent(String parent);

    /**
     * Forks a child, powers it on, and waits for its IP when asked. When anything fails or the thread is
     * interrupted after the child was created, the child is destroyed before this method throws.
     */
    Child fork(ChildSpec spec);

    /** The child with this id, name or inventory path, if it exists and carries vmfork's tags. */
    Optional<Child> child(String child);

    /** The tagged children of a parent (name, path or id), or of every parent when null. */
    List<Child> children(String parent);

    /**
     * Powers off and destroys a child with its own fresh deadline; idempotent.
     *
     * @param child id, name or inventory path
     * @param force also destroy a VM that does not carry vmfork's tags
     * @return true when it was destroyed now, false when it did not exist (any more)
     */
    boolean destroy(String child, boolean force);

    /** Destroys (or, for a dry run, lists) the tagged children matching the criteria; returns them. */
    List<Child> sweep(SweepCriteria criteria);

    /** Leaves the shared session; the last one out logs out. */
    @Override
    void close();
}
