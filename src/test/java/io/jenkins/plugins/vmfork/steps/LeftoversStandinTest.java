package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.steps.StandinStepContext.Pipeline;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens to children whose destruction fails, and to children nobody destroyed: the failure is recorded and
 * retried by the periodic sweep once vCenter answers again; the sweep also takes tagged children of builds that are
 * over, and leaves alone running builds' children, kept ones, other Jenkins' and untagged VMs.
 */
class LeftoversStandinTest extends StandinFixture {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @BeforeEach
    void prepareParent() {
        services.prepareParent();
    }

    @AfterEach
    void destroyTheChildrenLeft() {
        services.destroyAllChildren();
    }

    @Test
    void aDestructionThatFailsInAnOutageIsRetriedByTheSweep() throws Exception {
        StandinRun build = services.newRun("app", 1);
        Map<String, Object> child = forkPlain(build, false);
        build.finish();
        VCSIM.vcsim().failNext("Destroy_Task", "HostCommunication", 1);

        CapturedLog endOfBuild = new CapturedLog();
        new BuildEndCleanup().onCompleted(build, endOfBuild);

        assertThat(endOfBuild.text())
                .contains("Could not destroy " + child.get("name"))
                .contains("tries again");
        assertThat(services.children()).extracting(Child::id).containsExactly((String) child.get("id"));
        PendingCleanup record = services.pending().forRun("app#1").get(0);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.lastError()).isNotBlank();

        CapturedLog sweep = new CapturedLog();
        new LeftoverSweepWork().execute(sweep);

        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
        assertThat(sweep.text()).contains("Destroyed " + child.get("name")).contains("Destroyed 1 leftover child");
    }

    @Test
    void aChildTheFailedForkCouldNotDestroyIsRecordedAndTakenByTheSweep() throws Exception {
        StandinRun build = services.newRun("app", 6);
        VCSIM.vcsim().failNextTask("PowerOnVM_Task", "SystemError", 1);
        VCSIM.vcsim().failNextTask("Destroy_Task", "SystemError", 20);

        Pipeline pipeline = new Pipeline(build, false);
        new VmforkChildStep(VCSIM.vcsim().parentName())
                .start(new StandinStepContext(pipeline))
                .start();
        Throwable failure = pipeline.awaitFailure();

        assertThat(failure).isInstanceOf(hudson.AbortException.class);
        assertThat(services.children()).hasSize(1);
        String leftover = services.children().get(0).id();
        assertThat(services.pending().forRun("app#6"))
                .extracting(PendingCleanup::childId)
                .containsExactly(leftover);
        assertThat(pipeline.log.text()).contains("Could not destroy").contains("after the failed fork");

        VCSIM.vcsim().reset();
        build.finish();
        new LeftoverSweepWork().execute(new CapturedLog());

        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    void whileVcenterCannotBeReachedTheRecordsStay() throws Exception {
        StandinRun build = services.newRun("app", 2);
        forkPlain(build, false);
        build.finish();
        VCSIM.vcsim().failNext("RetrieveServiceContent", "HostCommunication", 10);

        new LeftoverSweepWork().execute(new CapturedLog());

        assertThat(services.pending().forRun("app#2")).hasSize(1);
        VCSIM.vcsim().reset();
        new LeftoverSweepWork().execute(new CapturedLog());
        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    void theSweepTakesOnlyTaggedChildrenOfThisJenkinsWhoseBuildIsOver() throws Exception {
        String crashed = forkTagged(StandinServices.OWNER, "app", "3");
        StandinRun running = services.newRun("app", 4);
        String inUse = (String) forkPlain(running, false).get("id");
        String kept = (String) forkPlain(finishedRun("app", 5), true).get("id");
        String otherJenkins = forkTagged("jenkins-someone-else", "app", "3");
        String untagged = VCSIM.vcsim().createVm("someones-vm");

        new LeftoverSweepWork().execute(new CapturedLog());

        assertThat(services.children())
                .extracting(Child::id)
                .containsExactlyInAnyOrder(inUse, kept, otherJenkins)
                .doesNotContain(crashed);
        try (Forker forker = services.forker()) {
            assertThat(forker.parentStatus("someones-vm").id()).isEqualTo(untagged);
        }
    }

    private StandinRun finishedRun(String job, int number) throws Exception {
        StandinRun run = services.newRun(job, number);
        run.finish();
        return run;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> forkPlain(StandinRun build, boolean keep) throws Exception {
        Pipeline pipeline = new Pipeline(build, false);
        VmforkChildStep step = new VmforkChildStep(VCSIM.vcsim().parentName());
        step.setKeep(keep);
        step.start(new StandinStepContext(pipeline)).start();
        return (Map<String, Object>) pipeline.awaitOutcome();
    }

    /** A child forked outside any step, as a build that crashed before recording it would leave it. */
    private String forkTagged(String owner, String job, String build) {
        try (Forker forker = services.forker()) {
            return forker.fork(ChildSpec.builder(VCSIM.vcsim().parentName())
                            .tags(owner, job, build)
                            .build())
                    .id();
        }
    }
}
