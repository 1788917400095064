package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.Vsphere;
import io.jenkins.plugins.vmfork.vsphere.Vsphere.Readiness;
import java.time.Duration;

/** What every step of the fork sequence works with: the vCenter, the mode in use and where progress goes. */
record Context(VCenter vcenter, Vsphere vsphere, ForkMode mode, ForkListener listener) {

    /** How long destroying one child may take; cleanup gets this afresh, whatever time the failed step used. */
    static final Duration CLEANUP_TIMEOUT = Duration.ofMinutes(3);

    Readiness readiness() {
        return mode == ForkMode.VMFORK ? Readiness.VMFORK_QUIESCED : Readiness.INSTANT_CLONE_FROZEN;
    }

    void progress(String what, String vm, long startNanos) {
        listener.progress(new ForkEvent(what, vm, Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
