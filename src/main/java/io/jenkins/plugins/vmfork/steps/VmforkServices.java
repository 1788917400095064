package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What the steps, the build wrapper and the sweep need from Jenkins beyond their step context: the configured
 * vCenters, credentials, the owner tag, the pending cleanups and whether a build still runs. In Jenkins these come
 * from Jenkins itself ({@link JenkinsServices}); tests install their own, so that the real step executions run
 * against the simulator without a Jenkins.
 */
abstract class VmforkServices {

    private static volatile VmforkServices installed;

    /** The services in use: those a test installed, else Jenkins'. */
    static VmforkServices get() {
        VmforkServices services = installed;
        return services != null ? services : JenkinsServices.INSTANCE;
    }

    /** For tests: use these services until the returned handle is closed. */
    static AutoCloseable install(VmforkServices services) {
        installed = services;
        return () -> installed = null;
    }

    /** The vCenter a step names, or the only one configured when it names none. */
    abstract VCenterConfig vcenter(@CheckForNull String name);

    abstract List<VCenterConfig> vcenters();

    /**
     * The vCenter with its login, for the fork API. The credentials are tracked against the build when there is one.
     *
     * @throws AbortException naming the credentials id when it is missing or of another type
     */
    abstract VCenter login(VCenterConfig config, @CheckForNull Run<?, ?> run) throws AbortException;

    /** A guest account from credentials looked up in the context of the build, and tracked. */
    abstract GuestCredentials guest(String credentialsId, Run<?, ?> run) throws AbortException;

    /** The owner tag of this Jenkins' children. */
    abstract String owner();

    abstract PendingCleanups pending();

    /** Whether the build with this id has ended or no longer exists. */
    abstract boolean isOver(String runId);

    /** Where vCenter work runs, off the Pipeline's CPU thread. */
    ExecutorService executor() {
        return Background.POOL;
    }

    /** Opens the fork API for a configured vCenter, in the given mode or else the vCenter's. */
    final Forker open(
            VCenterConfig config, @CheckForNull ForkMode mode, @CheckForNull Run<?, ?> run, ForkListener listener)
            throws AbortException {
        return Forker.open(login(config, run), mode != null ? mode : config.getMode(), listener);
    }

    /** Opens vCenters by name for the cleanup of a build (or, with no build, of the sweep). */
    final ForkerSource forkers(@CheckForNull Run<?, ?> run) {
        return (name, listener) -> open(vcenter(name), null, run, listener);
    }

    /** Forks the child a build asked for, in its parent's turn, and records it for cleanup unless it is kept. */
    final Child fork(VCenterConfig config, ChildRequest request, String childName, Run<?, ?> run, BuildLog log)
            throws IOException, InterruptedException {
        String runId = run.getExternalizableId();
        ChildSpec spec = request.spec(config, childName, owner(), runId);
        try (Forker forker = open(config, request.mode(), run, log)) {
            return new ChildLifecycle(pending(), log)
                    .fork(forker, config.getName(), spec, runId, request.keep(), config.getMaxConcurrentForks());
        }
    }

    /**
     * Destroys a build's child; any failure, even to reach the vCenter, is written to the log and left to the
     * retries at the end of the build and by the periodic sweep.
     */
    final void destroyOrReport(Run<?, ?> run, String vcenter, String childId, String childName, BuildLog log) {
        try (Forker forker = forkers(run).open(vcenter, log)) {
            new ChildLifecycle(pending(), log).destroyOrReport(forker, vcenter, childId, childName);
        } catch (IOException | RuntimeException e) {
            log.line("Could not destroy " + childName + " (" + childId + "): " + StepErrors.message(e)
                    + ". vmfork tries again when the build ends and then every few minutes");
        }
    }

    /** The names of the configured vCenters. */
    final List<String> vcenterNames() {
        return vcenters().stream().map(VCenterConfig::getName).toList();
    }
}
