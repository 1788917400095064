package io.jenkins.plugins.vmfork.steps;

import hudson.model.Run;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.Forker;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code vmforkChild}: forks in the background, records the child for cleanup, then either returns it or runs
 * the body with its variables and destroys it when the body ends, however it ends. Saved with the Pipeline: it holds
 * the request, the vCenter's name and the child's name and id, never a secret or a session, and after a controller
 * restart finds the child again by its id.
 */
final class ChildExecution extends VmforkExecution {

    private static final long serialVersionUID = 1L;

    /** Where the step is; saved, so that a resumed step knows what to do. */
    enum Phase {
        FORKING,
        BODY,
        DESTROYING,
        DONE
    }

    private final ChildRequest request;
    private volatile Phase phase = Phase.FORKING;
    private String vcenter;
    private String runId;
    private String plannedName;
    private String childId;
    private String childName;
    private Throwable bodyFailure;
    private Serializable bodyResult;
    private transient volatile BodyExecution body;

    ChildExecution(StepContext context, ChildRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    public boolean start() {
        background(this::fork);
        return false;
    }

    private void fork() throws Exception {
        VmforkServices services = VmforkServices.get();
        Run<?, ?> run = run();
        BuildLog log = log();
        VCenterConfig config = services.vcenter(request.vcenter());
        vcenter = config.getName();
        runId = run.getExternalizableId();
        if (plannedName == null) {
            plannedName = request.childName(config, runId);
        }
        Child child = services.fork(config, request, plannedName, run, log);
        childId = child.id();
        childName = child.name();
        if (stopped()) {
            submit(this::destroyChild);
        } else if (getContext().hasBody()) {
            startBody(child);
        } else {
            phase = Phase.DONE;
            succeed(ChildInfo.map(child, vcenter));
        }
    }

    /** Starts the body, unless a stop came first; a stop and the start of the body never cross. */
    private void startBody(Child child) throws Exception {
        StepContext context = getContext();
        EnvironmentExpander env =
                EnvironmentExpander.merge(context.get(EnvironmentExpander.class), new ChildEnvironment(child));
        synchronized (this) {
            if (stopped()) {
                submit(this::destroyChild);
                return;
            }
            phase = Phase.BODY;
            body = context.newBodyInvoker()
                    .withContext(env)
                    .withCallback(new BodyEnd())
                    .start();
        }
        context.saveState();
    }

    /** Ends the body's child: destroys it in the background, then ends the step as the body ended. */
    private final class BodyEnd extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            ended(null, result);
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            ended(failure, null);
        }
    }

    private void ended(Throwable failure, Object result) {
        bodyFailure = failure;
        // A result that cannot be saved is still returned, unless a restart comes between body and destruction.
        bodyResult = result instanceof Serializable saved ? saved : null;
        phase = Phase.DESTROYING;
        getContext().saveState();
        destroyThenFinish(result);
    }

    private void destroyThenFinish(Object result) {
        submit(() -> {
            destroyChild();
            phase = Phase.DONE;
            if (stopped()) {
                return;
            }
            if (bodyFailure != null) {
                getContext().onFailure(bodyFailure);
            } else {
                getContext().onSuccess(result);
            }
        });
    }

    /** Destroys the child, unless kept; a failure is logged and left to the retries. */
    private void destroyChild() throws Exception {
        if (!request.keep()) {
            VmforkServices.get().destroyOrReport(run(), vcenter, childId, childName, log());
        }
    }

    /**
     * While the body runs, a stop goes to the body, whose end destroys the child. While forking, the fork is
     * interrupted (the fork API destroys a half-made child; a finished fork sees the stop and destroys its child) and
     * the step ends at once.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        BodyExecution running;
        synchronized (this) {
            running = phase == Phase.BODY ? body : null;
            if (running == null) {
                super.stop(cause);
            }
        }
        if (running != null) {
            running.cancel(cause);
        } else if (phase == Phase.BODY) {
            // Resumed after a restart, the running body is not known here: end the step and destroy the child.
            submit(this::destroyChild);
        }
    }

    @Override
    public void onResume() {
        switch (phase) {
            case FORKING -> background(this::forkAgain);
            case BODY -> submit(this::findChildAgain);
            case DESTROYING -> destroyThenFinish(bodyResult);
            case DONE -> {
                // ended before the restart; nothing left to do
            }
        }
    }

    /**
     * The restart cut the fork short: a child made under the planned name is destroyed (the fork cannot be trusted
     * to have finished), then the fork starts over.
     */
    private void forkAgain() throws Exception {
        BuildLog log = log();
        log.line("Resumed after a controller restart while forking from " + request.parent() + ": forking again");
        if (plannedName != null && vcenter != null) {
            VmforkServices services = VmforkServices.get();
            try (Forker forker = services.forkers(run()).open(vcenter, log)) {
                Optional<Child> leftover =
                        forker.child(plannedName).filter(c -> runId.equals(RunIds.of(c.job(), c.build())));
                if (leftover.isPresent()) {
                    new ChildLifecycle(services.pending(), log)
                            .destroy(forker, vcenter, leftover.get().id(), plannedName);
                }
            }
        }
        fork();
    }

    private void findChildAgain() throws Exception {
        BuildLog log = log();
        try (Forker forker = VmforkServices.get().forkers(run()).open(vcenter, log)) {
            boolean there = forker.child(childId).isPresent();
            log.line(
                    there
                            ? "Resumed after a controller restart: child " + childName + " (" + childId
                                    + ") is still there"
                            : "Resumed after a controller restart: child " + childName + " (" + childId + ") is gone");
        } catch (IOException | RuntimeException e) {
            log.line("Resumed after a controller restart; cannot check child " + childName + " (" + childId + "): "
                    + StepErrors.message(e));
        }
    }

    @Override
    public String getStatus() {
        return phase.name().toLowerCase(Locale.ROOT) + (childName == null ? "" : " " + childName + " (" + childId + ")")
                + ", " + super.getStatus();
    }
}
