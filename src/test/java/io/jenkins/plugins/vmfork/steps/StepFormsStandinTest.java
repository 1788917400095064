package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.vmfork.steps.StandinPermissions.Controller;
import io.jenkins.plugins.vmfork.steps.StandinPermissions.Job;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who learns what from the forms of the steps and the wrapper (Pipeline Syntax and job configuration): users who may
 * configure the job get the vCenter names and field checks; others get no names, no verdict, and of the credentials
 * only the value already saved. The controller and the job are test doubles that grant chosen permissions; not
 * compiled under the jenkins-repo profile.
 */
class StepFormsStandinTest extends StandinFixture {

    @RegisterExtension
    static final VcsimExtension VCSIM = VcsimExtension.shared();

    @BeforeEach
    void startController() {
        new Controller();
    }

    @AfterEach
    void stopController() {
        Jenkins.get().cleanUp();
    }

    @Test
    void whoMayConfigureTheJobSeesTheVcentersByName() {
        for (ListBoxModel choices : new ListBoxModel[] {
            new VmforkChildStep.DescriptorImpl().doFillVcenterItems(new Job(Item.CONFIGURE)),
            new VmforkEnableParentStep.DescriptorImpl().doFillVcenterItems(new Job(Item.CONFIGURE)),
            new VmforkCleanupStep.DescriptorImpl().doFillVcenterItems(new Job(Item.CONFIGURE)),
            new VmforkBuildWrapper.DescriptorImpl().doFillVcenterItems(new Job(Item.CONFIGURE))
        }) {
            assertThat(choices).extracting(o -> o.value).containsExactly("", StandinServices.VCENTER);
        }
    }

    @Test
    void othersSeeNoVcenter() {
        assertThat(new VmforkChildStep.DescriptorImpl().doFillVcenterItems(new Job(Item.EXTENDED_READ)))
                .extracting(o -> o.value)
                .containsExactly("");
        assertThat(new VmforkChildStep.DescriptorImpl().doFillVcenterItems(null))
                .extracting(o -> o.value)
                .containsExactly("");
    }

    @Test
    void othersAreOfferedOnlyTheSavedGuestCredentials() {
        ListBoxModel choices =
                new VmforkEnableParentStep.DescriptorImpl().doFillGuestCredentialsIdItems(new Job(), "ci-parent-guest");

        assertThat(choices).extracting(o -> o.value).containsExactly("ci-parent-guest");
        assertThat(new VmforkEnableParentStep.DescriptorImpl().doFillGuestCredentialsIdItems(null, "x"))
                .extracting(o -> o.value)
                .containsExactly("x");
    }

    @Test
    void whoMayConfigureIsToldWhatIsWrong() {
        Job job = new Job(Item.CONFIGURE);

        assertThat(new VmforkChildStep.DescriptorImpl().doCheckParent(job, " ").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(new VmforkChildStep.DescriptorImpl()
                        .doCheckMode(job, "linked-clone")
                        .getMessage())
                .contains("'linked-clone'");
        assertThat(new VmforkCleanupStep.DescriptorImpl()
                        .doCheckOlderThan(job, "soon")
                        .getMessage())
                .contains("'soon'");
        assertThat(new VmforkEnableParentStep.DescriptorImpl().doCheckTimeout(job, 0).kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(new VmforkBuildWrapper.DescriptorImpl().doCheckParent(job, "ci-parent").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void othersGetNoVerdict() {
        Job job = new Job(Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);

        for (FormValidation check : new FormValidation[] {
            new VmforkChildStep.DescriptorImpl().doCheckParent(job, " "),
            new VmforkChildStep.DescriptorImpl().doCheckMode(job, "linked-clone"),
            new VmforkCleanupStep.DescriptorImpl().doCheckOlderThan(null, "soon"),
            new VmforkEnableParentStep.DescriptorImpl().doCheckTimeout(job, 0),
            new VmforkBuildWrapper.DescriptorImpl().doCheckParent(job, "")
        }) {
            assertThat(check.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(check.getMessage()).isNull();
        }
    }
}
