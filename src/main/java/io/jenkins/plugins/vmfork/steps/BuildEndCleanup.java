package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Destroys the children a build forked and did not keep when the build ends, whatever its result: those of
 * {@code vmforkChild} without a body, and any that a block or wrapper could not destroy. Runs before the build's log
 * closes, so the lines land there. A child that cannot be destroyed now stays recorded for the periodic sweep.
 */
@Extension
public class BuildEndCleanup extends RunListener<Run<?, ?>> {

    /**
     * How long the thread that ends the build waits for the destruction. It may be a shared thread of Jenkins (a
     * Pipeline ends on one), so a slow vCenter must not hold it for long: the work then goes on in the background,
     * and the sweep retries what fails.
     */
    static final long WAIT_SECONDS = 60;

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        VmforkServices services = VmforkServices.get();
        List<PendingCleanup> left = services.pending().forRun(run.getExternalizableId());
        if (left.isEmpty()) {
            return;
        }
        BuildLog log = new BuildLog(listener.getLogger());
        Leftovers leftovers = new Leftovers(services.pending(), services.forkers(run), log);
        Future<?> destroying = services.executor().submit(() -> leftovers.destroyRecorded(left));
        try {
            destroying.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.line("vCenter is slow: destroying the children of this build goes on in the background, and vmfork's"
                    + " periodic sweep retries what fails");
        } catch (ExecutionException e) {
            log.line("Could not destroy the children of this build: " + StepErrors.message(e.getCause())
                    + ". vmfork's periodic sweep tries again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
