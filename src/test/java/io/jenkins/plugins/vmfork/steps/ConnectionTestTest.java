package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.steps.FieldCheck.Level;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Test connection" against the simulator (vSphere API 6.5 unless changed). */
class ConnectionTestTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = VcsimExtension.shared();

    private final Vcsim vcsim = VCSIM.vcsim();

    @Test
    void reportsWhatItConnectedToAndHowChildrenWillBeForked() {
        FieldCheck check =
                ConnectionTest.run(vcenter(vcsim.password(), Trust.pinned(vcsim.thumbprint())), ForkMode.AUTO);

        assertThat(check.level()).isEqualTo(Level.OK);
        assertThat(check.message())
                .startsWith("Connected to ")
                .contains("API 6.5")
                .contains("VMFork");
    }

    @Test
    void aRejectedPasswordIsAnErrorThatDoesNotShowIt() {
        String wrong = "n0t-" + vcsim.password() + "-&<>";

        FieldCheck check = ConnectionTest.run(vcenter(wrong, Trust.pinned(vcsim.thumbprint())), ForkMode.AUTO);

        assertThat(check.level()).isEqualTo(Level.ERROR);
        assertThat(check.message()).contains(vcsim.user()).doesNotContain(wrong).doesNotContain(vcsim.password());
    }

    @Test
    void anotherCertificateThanThePinnedOneShowsTheOneItPresented() {
        FieldCheck check = ConnectionTest.run(vcenter(vcsim.password(), Trust.pinned("00".repeat(32))), ForkMode.AUTO);

        assertThat(check.level()).isEqualTo(Level.ERROR);
        assertThat(check.message()).contains(vcsim.thumbprint());
    }

    @Test
    void trustingAnyCertificateConnectsWithAWarning() {
        FieldCheck check = ConnectionTest.run(vcenter(vcsim.password(), Trust.anyCertificate()), ForkMode.AUTO);

        assertThat(check.level()).isEqualTo(Level.WARNING);
        assertThat(check.message()).startsWith("Connected to ");
    }

    @Test
    void aModeTheVCenterLacksIsAnError() {
        FieldCheck check =
                ConnectionTest.run(vcenter(vcsim.password(), Trust.pinned(vcsim.thumbprint())), ForkMode.INSTANT_CLONE);

        assertThat(check.level()).isEqualTo(Level.ERROR);
        assertThat(check.message()).contains("Instant Clone", "6.7", "API version 6.5");
    }

    @Test
    void leavesNoSessionOpen() {
        int before = vcsim.openSessions();

        ConnectionTest.run(vcenter(vcsim.password(), Trust.pinned(vcsim.thumbprint())), ForkMode.AUTO);

        assertThat(vcsim.openSessions()).isEqualTo(before);
    }

    private VCenter vcenter(String password, Trust trust) {
        return new VCenter(vcsim.url(), vcsim.user(), password, trust, null, null);
    }
}
