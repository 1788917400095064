package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.time.Duration;

/** Connecting the fork API to a simulator in tests. */
final class Sims {

    private Sims() {}

    static VCenter vcenter(Vcsim vcsim) {
        VCenter vcenter = VCenter.of(vcsim.url(), vcsim.user(), vcsim.password())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
        return vcsim.thumbprint() == null ? vcenter : vcenter.withTrust(Trust.pinned(vcsim.thumbprint()));
    }

    static GuestCredentials guest(Vcsim vcsim) {
        return new GuestCredentials(vcsim.guestUser(), vcsim.guestPassword());
    }

    static QuiesceOptions quick() {
        return QuiesceOptions.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    static ChildSpec.Builder child(Vcsim vcsim) {
        return ChildSpec.builder(vcsim.parentName())
                .tags("owner-1", "job", "1")
                .timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20));
    }
}
