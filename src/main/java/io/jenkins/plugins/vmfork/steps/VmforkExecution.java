package io.jenkins.plugins.vmfork.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step execution whose vCenter work runs in {@link Background} threads: {@link #start()} and the body callbacks
 * return at once, {@link #stop(Throwable)} interrupts the work (the fork API destroys what it had made) and ends the
 * step. Subclasses hold names and ids only, as all of it is saved with the Pipeline.
 */
abstract class VmforkExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;
    private transient volatile String thread;

    /** vCenter work: may throw anything, which then ends the step. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    VmforkExecution(StepContext context) {
        super(context);
    }

    /** Runs work in the background unless the step was stopped; a failure ends the step. */
    final void background(Work work) {
        if (stopCause == null) {
            task = submit(work);
        }
    }

    /** Runs work in the background even after a stop (cleanup); a failure ends the step unless it was stopped. */
    final Future<?> submit(Work work) {
        return VmforkServices.get().executor().submit(() -> {
            thread = Thread.currentThread().getName();
            try {
                work.run();
            } catch (Throwable failure) {
                fail(failure);
            } finally {
                thread = null;
            }
        });
    }

    final void succeed(Object result) {
        if (stopCause == null) {
            getContext().onSuccess(result);
        }
    }

    final void fail(Throwable failure) {
        Throwable cause = stopCause;
        if (cause == null) {
            getContext().onFailure(StepErrors.forBuild(failure));
        } else if (cause != failure) {
            cause.addSuppressed(failure);
        }
    }

    final boolean stopped() {
        return stopCause != null;
    }

    /** Interrupts the running work and ends the step with the cause at once. */
    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        Future<?> running = task;
        if (running != null) {
            running.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        String running = thread;
        return running == null ? "waiting" : "talking to vCenter in thread " + running;
    }

    /** A restart waits for running vCenter work, as it would leave a half-made child otherwise. */
    @Override
    public boolean blocksRestart() {
        return thread != null;
    }

    final Run<?, ?> run() throws IOException, InterruptedException {
        return getContext().get(Run.class);
    }

    final BuildLog log() throws IOException, InterruptedException {
        return new BuildLog(getContext().get(TaskListener.class).getLogger());
    }
}
