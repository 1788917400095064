package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.util.List;

/**
 * Destroys the children a build forked and did not keep when the build ends, whatever its result: those of
 * {@code vmforkChild} without a body, and any that a block or wrapper could not destroy. Runs before the build's log
 * closes, so the lines land there. A child that cannot be destroyed now stays recorded for the periodic sweep.
 */
@Extension
public class BuildEndCleanup extends RunListener<Run<?, ?>> {

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        VmforkServices services = VmforkServices.get();
        List<PendingCleanup> left = services.pending().forRun(run.getExternalizableId());
        if (!left.isEmpty()) {
            BuildLog log = new BuildLog(listener.getLogger());
            new Leftovers(services.pending(), services.forkers(run), log).destroyRecorded(left);
        }
    }
}
