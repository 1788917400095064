package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
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
 * {@code vmforkCleanup} against the simulator: this build's children, one named child, and the leftovers of finished
 * builds of a parent, each idempotent and counted; it never touches what is not its to destroy.
 */
class VmforkCleanupStepStandinTest extends StandinFixture {

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
    void withoutArgumentsItDestroysThisBuildsChildrenOnce() throws Exception {
        StandinRun build = services.newRun("app", 1);
        forkPlain(build);
        forkPlain(build);
        forkPlain(services.newRun("other", 1));

        assertThat(cleanUp(build, new VmforkCleanupStep())).isEqualTo(2);
        assertThat(cleanUp(build, new VmforkCleanupStep())).isZero();

        assertThat(services.children()).extracting(Child::job).containsExactly("other");
        assertThat(services.pending().forRun("app#1")).isEmpty();
    }

    @Test
    void aNamedChildIsDestroyedOnce() throws Exception {
        StandinRun build = services.newRun("app", 2);
        String name = (String) forkPlain(build).get("name");
        VmforkCleanupStep step = new VmforkCleanupStep();
        step.setChild(name);

        assertThat(cleanUp(build, step)).isEqualTo(1);
        assertThat(cleanUp(build, step)).isZero();
        assertThat(services.children()).isEmpty();
    }

    @Test
    void leftoversOfFinishedBuildsGoAndNothingElse() throws Exception {
        StandinRun finished = services.newRun("nightly", 5);
        String leftover = (String) forkPlain(finished).get("id");
        finished.finish();
        StandinRun running = services.newRun("nightly", 6);
        String inUse = (String) forkPlain(running).get("id");
        String otherJenkins = forkOwnedBy("jenkins-someone-else", "nightly", "5");
        String untagged = VCSIM.vcsim().createVm("not-a-child");
        VmforkCleanupStep step = new VmforkCleanupStep();
        step.setParent(VCSIM.vcsim().parentName());
        step.setOlderThan("0s");

        assertThat(cleanUp(running, step)).isEqualTo(1);

        assertThat(services.children())
                .extracting(Child::id)
                .containsExactlyInAnyOrder(inUse, otherJenkins)
                .doesNotContain(leftover);
        try (Forker forker = services.forker()) {
            assertThat(forker.parentStatus("not-a-child").id()).isEqualTo(untagged);
        }
    }

    @Test
    void olderThanSparesYoungerLeftovers() throws Exception {
        StandinRun finished = services.newRun("nightly", 7);
        forkPlain(finished);
        finished.finish();
        VmforkCleanupStep step = new VmforkCleanupStep();
        step.setParent(VCSIM.vcsim().parentName());
        step.setOlderThan("1h");

        assertThat(cleanUp(services.newRun("janitor", 1), step)).isZero();
        assertThat(services.children()).hasSize(1);
    }

    @Test
    void childAndParentTogetherAreRefused() {
        VmforkCleanupStep step = new VmforkCleanupStep();
        step.setChild("a");
        step.setParent("b");

        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("either");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> forkPlain(StandinRun build) throws Exception {
        Pipeline pipeline = new Pipeline(build, false);
        new VmforkChildStep(VCSIM.vcsim().parentName())
                .start(new StandinStepContext(pipeline))
                .start();
        return (Map<String, Object>) pipeline.awaitOutcome();
    }

    private String forkOwnedBy(String owner, String job, String build) {
        try (Forker forker = services.forker()) {
            ChildSpec spec = ChildSpec.builder(VCSIM.vcsim().parentName())
                    .tags(owner, job, build)
                    .build();
            return forker.fork(spec).id();
        }
    }

    private int cleanUp(StandinRun build, VmforkCleanupStep step) throws Exception {
        Pipeline pipeline = new Pipeline(build, false);
        step.start(new StandinStepContext(pipeline)).start();
        return (Integer) pipeline.awaitOutcome();
    }
}
