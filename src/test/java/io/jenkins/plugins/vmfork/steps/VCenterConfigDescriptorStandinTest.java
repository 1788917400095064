package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.steps.StandinPermissions.Controller;
import io.jenkins.plugins.vmfork.steps.StandinPermissions.Job;
import io.jenkins.plugins.vmfork.steps.StandinPermissions.NotPermitted;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.util.Arrays;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who gets what from the vCenter form's endpoints: administrators get checks, lists and the connection test; others
 * get silent checks, only the value already saved, and a refusal before any credentials are looked up or any
 * connection is made. Jenkins here is a test double of the stand-in's controller that grants a chosen set of
 * permissions; not compiled under the jenkins-repo profile.
 */
class VCenterConfigDescriptorStandinTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = VcsimExtension.shared();

    private final VCenterConfigDescriptor descriptor = new VCenterConfigDescriptor();

    @AfterEach
    void stopJenkins() {
        Jenkins.get().cleanUp();
    }

    @Test
    void anAdministratorIsToldWhatIsWrong() {
        new Controller(Jenkins.ADMINISTER);

        assertThat(descriptor.doCheckUrl("ftp://vc", null).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckName("lab/1").getMessage()).contains("'lab/1'");
        assertThat(descriptor.doCheckThumbprint("12:34", "PINNED").getMessage()).contains("'12:34'");
        assertThat(descriptor.doCheckCredentialsId("", "https://vc").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckReadTimeoutSeconds("0").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckChildNamePrefix("my job").kind).isEqualTo(FormValidation.Kind.WARNING);
    }

    @Test
    void othersLearnNothingFromTheChecks() {
        new Controller();

        for (FormValidation check : new FormValidation[] {
            descriptor.doCheckUrl("ftp://vc", null),
            descriptor.doCheckName("lab/1"),
            descriptor.doCheckCredentialsId("vc-ci", "https://vc"),
            descriptor.doCheckThumbprint("12:34", "PINNED"),
            descriptor.doCheckMaxConcurrentForks("0")
        }) {
            assertThat(check.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(check.getMessage()).isNull();
        }
    }

    @Test
    void othersAreOfferedOnlyTheSavedCredentials() {
        new Controller();

        ListBoxModel choices = descriptor.doFillCredentialsIdItems("https://vc", "vc-ci");

        assertThat(choices).extracting(o -> o.value).containsExactly("vc-ci");
    }

    @Test
    void othersCannotTestAConnectionAndNothingIsSent() {
        new Controller(Item.CONFIGURE);
        Vcsim vcsim = VCSIM.vcsim();
        long requests = vcsim.soapRequests();

        assertThatThrownBy(() -> descriptor.doTestConnection(vcsim.url(), "vc-ci", "ANY", null, "AUTO", "", ""))
                .isInstanceOf(NotPermitted.class)
                .hasMessageContaining("Administer");
        assertThat(vcsim.soapRequests()).isEqualTo(requests);
    }

    @Test
    void aBadFormIsReportedBeforeAnyCredentialsAreLookedUp() {
        new Controller(Jenkins.ADMINISTER);

        // The stand-in cannot look credentials up: reaching that point would throw.
        assertThat(descriptor
                        .doTestConnection("vc", "vc-ci", "PINNED", "", "AUTO", "", "")
                        .getMessage())
                .contains("SHA-256 thumbprint");
        assertThat(descriptor
                        .doTestConnection("vc", "vc-ci", "JVM", null, "FASTEST", "", "")
                        .getMessage())
                .contains("'FASTEST'");
    }

    @Test
    void theListsOfferEveryTrustAndModeByTheirConfigurationNames() {
        new Controller(Jenkins.ADMINISTER);

        assertThat(descriptor.doFillTrustItems())
                .extracting(o -> o.value)
                .containsExactly(
                        Arrays.stream(Trust.Kind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(descriptor.doFillModeItems())
                .extracting(o -> o.value)
                .containsExactly(
                        Arrays.stream(ForkMode.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void aJobFormNeedsConfigureOnTheJob() {
        new Controller();
        Job configurable = new Job(Item.CONFIGURE);
        Job readable = new Job();

        assertThat(FormAccess.mayConfigure(configurable)).isTrue();
        assertThat(FormAccess.mayConfigure(readable)).isFalse();
        assertThat(FormAccess.mayConfigure(null)).isFalse();
        assertThatThrownBy(() -> FormAccess.checkConfigure(readable)).isInstanceOf(NotPermitted.class);
        assertThat(FormAccess.usernamePasswordChoices(readable, "https://vc", "guest"))
                .extracting(o -> o.value)
                .containsExactly("guest");
    }
}
