package io.jenkins.plugins.vmfork.steps;

import hudson.model.Run;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.SweepCriteria;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code vmforkCleanup} in the background; after a restart it runs again, as destroying is idempotent. */
final class CleanupExecution extends VmforkExecution {

    private static final long serialVersionUID = 1L;

    private final String vcenter;
    private final String child;
    private final String parent;
    private final Duration olderThan;

    CleanupExecution(StepContext context, String vcenter, String child, String parent, Duration olderThan) {
        super(context);
        this.vcenter = vcenter;
        this.child = child;
        this.parent = parent;
        this.olderThan = olderThan;
    }

    @Override
    public boolean start() {
        background(this::cleanUp);
        return false;
    }

    @Override
    public void onResume() {
        background(this::cleanUp);
    }

    private void cleanUp() throws Exception {
        VmforkServices services = VmforkServices.get();
        Run<?, ?> run = run();
        BuildLog log = log();
        VCenterConfig config = services.vcenter(vcenter);
        String name = config.getName();
        int destroyed;
        try (Forker forker = services.open(config, null, run, log)) {
            ChildLifecycle lifecycle = new ChildLifecycle(services.pending(), log);
            if (child != null) {
                destroyed = destroyNamed(forker, name, lifecycle, log);
            } else if (parent != null) {
                SweepCriteria leftovers =
                        SweepCriteria.childrenOf(parent).olderThan(olderThan).ownedBy(services.owner());
                destroyed = new Leftovers(services.pending(), services.forkers(run), log)
                        .destroyFinished(forker, name, leftovers, services::isOver);
            } else {
                destroyed = destroyThisBuilds(forker, name, services, run.getExternalizableId(), lifecycle);
            }
        }
        log.line("vmforkCleanup destroyed " + destroyed + (destroyed == 1 ? " child" : " children"));
        succeed(destroyed);
    }

    private int destroyNamed(Forker forker, String vcenterName, ChildLifecycle lifecycle, BuildLog log) {
        Optional<Child> found = forker.child(child);
        if (found.isEmpty()) {
            log.line("No child " + child + " on " + vcenterName + " (any more)");
            return 0;
        }
        return lifecycle.destroy(
                        forker, vcenterName, found.get().id(), found.get().name())
                ? 1
                : 0;
    }

    /** The children recorded for this build and those tagged with it (kept children carry another owner tag). */
    private static int destroyThisBuilds(
            Forker forker, String vcenterName, VmforkServices services, String runId, ChildLifecycle lifecycle) {
        Map<String, String> children = new LinkedHashMap<>();
        services.pending().forRun(runId).stream()
                .filter(r -> r.vcenter().equals(vcenterName))
                .forEach(r -> children.put(r.childId(), r.childName()));
        SweepCriteria tagged = SweepCriteria.childrenOf(null)
                .ownedBy(services.owner())
                .ofBuilds(RunIds.job(runId), Set.of(RunIds.build(runId)));
        forker.sweep(tagged.listOnly()).forEach(c -> children.putIfAbsent(c.id(), c.name()));
        int destroyed = 0;
        for (Map.Entry<String, String> entry : children.entrySet()) {
            if (lifecycle.destroy(forker, vcenterName, entry.getKey(), entry.getValue())) {
                destroyed++;
            }
        }
        return destroyed;
    }
}
