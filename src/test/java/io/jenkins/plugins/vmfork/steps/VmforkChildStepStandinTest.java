package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.vmfork.steps.StandinStepContext.Pipeline;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vmforkChild} driven through its real execution by a test double of the Pipeline engine, against the
 * simulator: the block form however its body ends, the plain form and the end of its build, and a restart. Every
 * story ends by counting the parent's children through the fork API.
 */
class VmforkChildStepStandinTest extends StandinFixture {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @BeforeEach
    void prepareParent() {
        services.prepareParent();
    }

    @Test
    void theBodyGetsTheChildAndTheChildIsDestroyedWhenTheBodySucceeds() throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("folder/app", 7), true);
        StandinStepContext context = new StandinStepContext(pipeline);

        new VmforkChildStep(VCSIM.vcsim().parentName()).start(context).start();
        BodyExecutionCallback bodyEnd = pipeline.awaitBody();

        Map<String, String> env = pipeline.bodyEnvironment();
        List<String> names = services.children().stream().map(c -> c.name()).toList();
        assertThat(names).containsExactly(env.get("VMFORK_CHILD_NAME"));
        assertThat(env.get("VMFORK_CHILD_NAME")).startsWith("folder-app-7-");
        assertThat(env.get("VMFORK_CHILD_ID")).startsWith("vm-");
        assertThat(env.get("VMFORK_CHILD_IP")).matches("10\\.118\\.\\d+\\.\\d+");

        bodyEnd.onSuccess(context, "tests passed");

        assertThat(pipeline.awaitOutcome()).isEqualTo("tests passed");
        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
        assertThat(pipeline.log.text())
                .contains("Forked " + env.get("VMFORK_CHILD_NAME") + " (" + env.get("VMFORK_CHILD_ID") + ") from "
                        + VCSIM.vcsim().parentName() + ", IP " + env.get("VMFORK_CHILD_IP") + " in ")
                .contains("Destroyed " + env.get("VMFORK_CHILD_NAME"));
    }

    @Test
    void aFailingBodyFailsTheStepAndTheChildIsDestroyed() throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("app", 8), true);
        StandinStepContext context = new StandinStepContext(pipeline);
        new VmforkChildStep(VCSIM.vcsim().parentName()).start(context).start();
        BodyExecutionCallback bodyEnd = pipeline.awaitBody();
        AbortException testsFailed = new AbortException("script returned exit code 1");

        bodyEnd.onFailure(context, testsFailed);

        assertThat(pipeline.awaitFailure()).isSameAs(testsFailed);
        assertThat(services.children()).isEmpty();
        assertThat(pipeline.completions).hasValue(1);
    }

    @Test
    void anAbortReachesTheBodyAndTheChildIsDestroyedWhenTheBodyEnds() throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("app", 9), true);
        StandinStepContext context = new StandinStepContext(pipeline);
        var execution = new VmforkChildStep(VCSIM.vcsim().parentName()).start(context);
        execution.start();
        BodyExecutionCallback bodyEnd = pipeline.awaitBody();
        InterruptedException abort = new InterruptedException("Aborted by admin");

        execution.stop(abort);
        assertThat(pipeline.bodyCancelledWith).isSameAs(abort);
        assertThat(pipeline.outcome).isNotDone();
        bodyEnd.onFailure(context, abort);

        assertThat(pipeline.awaitFailure()).isSameAs(abort);
        assertThat(services.children()).isEmpty();
    }

    @Test
    void anAbortWhileForkingEndsTheStepAtOnceAndLeavesNoChild() throws Exception {
        VCSIM.vcsim().taskDelay(Duration.ofSeconds(2));
        Pipeline pipeline = new Pipeline(services.newRun("app", 10), true);
        StandinStepContext context = new StandinStepContext(pipeline);
        var execution = new VmforkChildStep(VCSIM.vcsim().parentName()).start(context);
        execution.start();
        Waits.until(
                "the fork task has started",
                () -> VCSIM.vcsim().soapRequestsByMethod().getOrDefault("CreateForkChild_Task", 0L) > 0);
        InterruptedException abort = new InterruptedException("Aborted by admin");

        execution.stop(abort);

        assertThat(pipeline.awaitFailure()).isSameAs(abort);
        assertThat(pipeline.bodyStarted).isNotDone();
        Waits.until(
                "the interrupted fork has destroyed its child",
                () -> services.children().isEmpty()
                        && VCSIM.vcsim().soapRequestsByMethod().getOrDefault("Destroy_Task", 0L) > 0);
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    void afterARestartTheStepFindsItsChildAndDestroysItWhenTheBodyEnds() throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("app", 11), true);
        StandinStepContext context = new StandinStepContext(pipeline);
        var execution = new VmforkChildStep(VCSIM.vcsim().parentName()).start(context);
        execution.start();
        BodyExecutionCallback bodyEnd = pipeline.awaitBody();
        String childName = pipeline.bodyEnvironment().get("VMFORK_CHILD_NAME");

        List<?> restored = restart(List.of(execution, bodyEnd));
        var resumed = (StepExecution) restored.get(0);
        var resumedBodyEnd = (BodyExecutionCallback) restored.get(1);
        resumed.onResume();
        Waits.until(
                "the resumed step has looked for its child",
                () -> pipeline.log.text().contains("Resumed"));
        assertThat(pipeline.log.text()).contains("child " + childName + " (").contains(") is still there");

        resumedBodyEnd.onSuccess(resumed.getContext(), null);

        assertThat(pipeline.awaitOutcome()).isNull();
        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    void aRestartDuringTheForkDestroysWhatTheForkMadeAndForksAgain() throws Exception {
        VCSIM.vcsim().taskDelay(Duration.ofSeconds(1));
        StandinRun run = services.newRun("app", 14);
        Pipeline beforeRestart = new Pipeline(run, true);
        StandinStepContext context = new StandinStepContext(beforeRestart);
        StepExecution execution = new VmforkChildStep(VCSIM.vcsim().parentName()).start(context);
        execution.start();
        Waits.until(
                "the fork task has started",
                () -> VCSIM.vcsim().soapRequestsByMethod().getOrDefault("CreateForkChild_Task", 0L) > 0);
        List<?> savedWhileForking = save(List.of(execution));
        // The fork goes on in this JVM, as it would not after a real restart: it leaves its child behind.
        beforeRestart.awaitBody();
        String cutShortId = beforeRestart.bodyEnvironment().get("VMFORK_CHILD_ID");
        VCSIM.vcsim().reset();

        StepExecution resumed = (StepExecution) load(savedWhileForking).get(0);
        Pipeline afterRestart = new Pipeline(run, true);
        ((StandinStepContext) resumed.getContext()).restartInto(afterRestart);
        resumed.onResume();
        BodyExecutionCallback bodyEnd = afterRestart.awaitBody();

        String forkedAgainId = afterRestart.bodyEnvironment().get("VMFORK_CHILD_ID");
        assertThat(forkedAgainId).isNotEqualTo(cutShortId);
        assertThat(afterRestart.log.text())
                .contains("Resumed after a controller restart while forking")
                .contains("(" + cutShortId + ") in ");
        assertThat(services.children()).extracting(c -> c.id()).containsExactly(forkedAgainId);
        bodyEnd.onSuccess(resumed.getContext(), null);
        assertThat(afterRestart.awaitOutcome()).isNull();
        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
    }

    @Test
    void withoutABodyTheStepReturnsTheChildAndTheEndOfTheBuildDestroysIt() throws Exception {
        StandinRun run = services.newRun("app", 12);
        Pipeline pipeline = new Pipeline(run, false);
        new VmforkChildStep(VCSIM.vcsim().parentName())
                .start(new StandinStepContext(pipeline))
                .start();

        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) pipeline.awaitOutcome();

        assertThat(child)
                .containsOnlyKeys("name", "id", "ip", "parent", "vcenter")
                .containsEntry("parent", VCSIM.vcsim().parentName())
                .containsEntry("vcenter", StandinServices.VCENTER);
        assertThat(services.children()).extracting(c -> c.id()).containsExactly((String) child.get("id"));
        assertThat(services.pending().forRun("app#12")).hasSize(1);

        run.finish();
        CapturedLog endOfBuild = new CapturedLog();
        new BuildEndCleanup().onCompleted(run, endOfBuild);

        assertThat(services.children()).isEmpty();
        assertThat(services.pending().all()).isEmpty();
        assertThat(endOfBuild.text()).contains("Destroyed " + child.get("name") + " (" + child.get("id") + ")");
    }

    @Test
    void aKeptChildOutlivesItsBuildAndTheSweepUntilNamedForCleanup() throws Exception {
        StandinRun run = services.newRun("app", 13);
        Pipeline pipeline = new Pipeline(run, false);
        VmforkChildStep step = new VmforkChildStep(VCSIM.vcsim().parentName());
        step.setKeep(true);
        step.start(new StandinStepContext(pipeline)).start();
        @SuppressWarnings("unchecked")
        String name = (String) ((Map<String, Object>) pipeline.awaitOutcome()).get("name");

        run.finish();
        new BuildEndCleanup().onCompleted(run, new CapturedLog());
        new LeftoverSweepWork().execute(new CapturedLog());
        assertThat(services.children()).extracting(c -> c.name()).containsExactly(name);

        Pipeline cleanup = new Pipeline(services.newRun("janitor", 1), false);
        VmforkCleanupStep named = new VmforkCleanupStep();
        named.setChild(name);
        named.start(new StandinStepContext(cleanup)).start();

        assertThat(cleanup.awaitOutcome()).isEqualTo(1);
        assertThat(services.children()).isEmpty();
        assertThat(pipeline.log.text()).contains("Keeping " + name);
    }

    /** Saves and loads objects together, as Jenkins saves a Pipeline's state and loads it after a restart. */
    static List<?> restart(List<?> state) throws Exception {
        return load(save(state));
    }

    private static List<?> save(List<?> state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(state));
        }
        return List.of(bytes.toByteArray());
    }

    private static List<?> load(List<?> saved) throws Exception {
        byte[] bytes = (byte[]) saved.get(0);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (List<?>) in.readObject();
        }
    }
}
