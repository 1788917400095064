package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin in a real Jenkins: it loads, a Pipeline uses the three steps against the simulator, and no child is left
 * afterwards. It needs jenkins-test-harness, which only the jenkins-repo profile has: in the default build it is
 * compiled against the stand-in (src/jenkins-api/test-java) and not run.
 */
@WithJenkins
class VmforkPipelineJenkinsRuleTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @Test
    void aPipelineForksUsesAndCleansUpItsChildren(JenkinsRule j) throws Exception {
        Vcsim sim = VCSIM.vcsim();
        List<Credentials> credentials = SystemCredentialsProvider.getInstance().getCredentials();
        credentials.add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "sim-login", "simulator", sim.user(), sim.password()));
        credentials.add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "sim-guest", "guest", sim.guestUser(), sim.guestPassword()));
        SystemCredentialsProvider.getInstance().save();
        VCenterConfig vcenter = new VCenterConfig("sim", sim.url(), "sim-login");
        vcenter.setTrust(Trust.Kind.PINNED);
        vcenter.setThumbprint(sim.thumbprint());
        VmforkGlobalConfiguration.get().setVcenters(List.of(vcenter));
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("""
                vmforkEnableParent parent: '%1$s', guestCredentialsId: 'sim-guest'
                def plain = vmforkChild parent: '%1$s'
                echo "plain child ${plain.name} at ${plain.ip}"
                vmforkChild(parent: '%1$s') {
                  echo "block child at ${env.VMFORK_CHILD_IP}"
                }
                echo "cleanup destroyed ${vmforkCleanup()}"
                vmforkChild parent: '%1$s'
                """.formatted(sim.parentName()), true));

        WorkflowRun run = j.assertBuildStatusSuccess(job.scheduleBuild2(0));

        j.assertLogContains("Quiesced parent " + sim.parentName(), run);
        j.assertLogContains("block child at 10.118.", run);
        j.assertLogContains("cleanup destroyed 1", run);
        j.assertLogNotContains(sim.password(), run);
        j.assertLogNotContains(sim.guestPassword(), run);
        VCenter direct = VCenter.of(sim.url(), sim.user(), sim.password()).withTrust(Trust.pinned(sim.thumbprint()));
        try (Forker forker = Forker.open(direct, ForkMode.AUTO, ForkListener.NONE)) {
            assertThat(forker.children(sim.parentName())).isEmpty();
        }
    }
}
