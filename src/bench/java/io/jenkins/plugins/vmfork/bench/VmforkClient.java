package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.ParentStatus;
import io.jenkins.plugins.vmfork.fork.QuiesceOptions;
import io.jenkins.plugins.vmfork.fork.SweepCriteria;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.time.Duration;

/** vmfork through its public fork API, as the Jenkins steps and the command line use it. */
final class VmforkClient implements ChildClient {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Forker forker;
    private final String parent;

    VmforkClient(Vcsim vcsim, ForkMode mode) {
        this.forker = Forker.open(vcenter(vcsim), mode, ForkListener.NONE);
        this.parent = vcsim.parentName();
    }

    /** The simulator as a vCenter, pinned to the certificate it printed. */
    static VCenter vcenter(Vcsim vcsim) {
        return VCenter.of(vcsim.url(), vcsim.user(), vcsim.password()).withTrust(Trust.pinned(vcsim.thumbprint()));
    }

    ParentStatus enableParent(Vcsim vcsim) {
        return forker.enableParent(
                parent, new GuestCredentials(vcsim.guestUser(), vcsim.guestPassword()), QuiesceOptions.defaults());
    }

    /** Forks a child that waits for its IP, tagged as a build of the benchmark's job. */
    Child fork(String name) {
        return forker.fork(ChildSpec.builder(parent)
                .name(name)
                .tags("benchmark", "benchmark", name)
                .timeouts(DEADLINE, DEADLINE)
                .build());
    }

    @Override
    public String forkUntilReady(String name) {
        return fork(name).id();
    }

    @Override
    public void destroy(String child) {
        forker.destroy(child, false);
    }

    /** How many children with vmfork's tags exist, as the fork API lists them. */
    int taggedChildren() {
        return forker.children(null).size();
    }

    /** Destroys every child with vmfork's tags, as the plugin's periodic sweep does; returns how many. */
    int sweep() {
        return forker.sweep(SweepCriteria.childrenOf(null)).size();
    }

    @Override
    public void close() {
        forker.close();
    }
}
