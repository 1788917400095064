package io.jenkins.plugins.vmfork.steps;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import java.util.concurrent.TimeUnit;

/**
 * Every few minutes, as the system: retries the destruction of children whose builds are over, and destroys the
 * children tagged by this Jenkins whose build no longer runs (left by a crash, say). It never touches VMs without
 * vmfork's tags, children of another Jenkins, or kept children. Its log is Jenkins' log of periodic tasks.
 */
@Extension
public class LeftoverSweepWork extends AsyncPeriodicWork {

    /**
     * Minutes between two sweeps. Each sweep logs in to every configured vCenter and reads the tags of all its VMs in
     * one property collector call: on a vCenter with thousands of VMs, raise it with the system property
     * {@code io.jenkins.plugins.vmfork.steps.LeftoverSweepWork.minutes}.
     */
    static final long MINUTES = Long.getLong(LeftoverSweepWork.class.getName() + ".minutes", 10);

    public LeftoverSweepWork() {
        super("vmfork leftover children");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(Math.max(1, MINUTES));
    }

    @Override
    protected void execute(TaskListener listener) {
        VmforkServices services = VmforkServices.get();
        if (services.vcenters().isEmpty() && services.pending().all().isEmpty()) {
            return;
        }
        BuildLog log = new BuildLog(listener.getLogger());
        int destroyed = new Leftovers(services.pending(), services.forkers(null), log)
                .sweep(services.vcenterNames(), services.owner(), services::isOver);
        log.line("Destroyed " + destroyed + " leftover " + (destroyed == 1 ? "child" : "children"));
    }
}
