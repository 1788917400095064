package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import jenkins.tasks.SimpleBuildWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build wrapper as Jenkins drives it in a freestyle build or a {@code wrap} block: set up gives the build the
 * child's variables and a disposer, and the disposer destroys the child; a disposer that cannot destroy leaves the
 * child recorded for the sweep.
 */
class VmforkBuildWrapperStandinTest extends StandinFixture {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @BeforeEach
    void prepareParent() {
        services.prepareParent();
    }

    @Test
    @SuppressWarnings("deprecation")
    void theBuildGetsTheChildAndTheEndOfTheBuildDestroysIt() throws Exception {
        StandinRun build = services.newRun("freestyle", 3);
        CapturedLog log = new CapturedLog();
        SimpleBuildWrapper.Context context = new SimpleBuildWrapper.Context();

        new VmforkBuildWrapper(VCSIM.vcsim().parentName()).setUp(context, build, log, new EnvVars());

        Child child = services.children().get(0);
        assertThat(context.getEnv())
                .containsEntry("VMFORK_CHILD_NAME", child.name())
                .containsEntry("VMFORK_CHILD_ID", child.id())
                .containsEntry("VMFORK_CHILD_IP", child.ip());
        assertThat(child.name()).startsWith("freestyle-3-");

        context.getDisposer().tearDown(build, log);

        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
        assertThat(log.text()).contains("Forked " + child.name()).contains("Destroyed " + child.name());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aChildThatCannotBeDestroyedAtTheEndIsLeftToTheSweep() throws Exception {
        StandinRun build = services.newRun("freestyle", 4);
        SimpleBuildWrapper.Context context = new SimpleBuildWrapper.Context();
        new VmforkBuildWrapper(VCSIM.vcsim().parentName()).setUp(context, build, new CapturedLog(), new EnvVars());
        VCSIM.vcsim().failNext("Destroy_Task", "HostCommunication", 1);

        context.getDisposer().tearDown(build, new CapturedLog());
        build.finish();
        assertThat(services.children()).hasSize(1);
        new LeftoverSweepWork().execute(new CapturedLog());

        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void aRefusalFailsTheBuildWithVcentersMessageAndNoStackTrace() throws Exception {
        VCSIM.vcsim().failNextTask("CreateForkChild_Task", "NoPermission", 1);
        SimpleBuildWrapper.Context context = new SimpleBuildWrapper.Context();
        VmforkBuildWrapper wrapper = new VmforkBuildWrapper(VCSIM.vcsim().parentName());

        assertThatThrownBy(
                        () -> wrapper.setUp(context, services.newRun("freestyle", 5), new CapturedLog(), new EnvVars()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("ermission")
                .hasNoCause();
        assertThat(context.getDisposer()).isNull();
        assertThat(services.children()).isEmpty();
    }
}
