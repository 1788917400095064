package io.jenkins.plugins.vmfork.fork;

/** The fork sequence over the vsphere package. */
final class VsphereForker {

    private VsphereForker() {}

    static Forker open(VCenter vcenter, ForkMode mode, ForkListener listener) {
        throw new UnsupportedOperationException("The fork sequence is not implemented yet");
    }
}
