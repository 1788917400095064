package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.io.File;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;

/** The services as Jenkins provides them: global configuration, the credentials plugin and the build records. */
final class JenkinsServices extends VmforkServices {

    static final JenkinsServices INSTANCE = new JenkinsServices();

    private static final String PENDING_FILE = "io.jenkins.plugins.vmfork.pending-cleanups.txt";

    private volatile PendingCleanups pending;

    private JenkinsServices() {}

    @Override
    VCenterConfig vcenter(@CheckForNull String name) {
        return VmforkGlobalConfiguration.get().vcenter(name);
    }

    @Override
    List<VCenterConfig> vcenters() {
        return VmforkGlobalConfiguration.get().getVcenters();
    }

    /**
     * The vCenter's own credentials, chosen by an administrator in the global configuration, are looked up in the
     * global context (as that form lists them), not with the build's authentication: a Jenkinsfile cannot pick the
     * vCenter account. They are tracked against the build, so that their usage shows it.
     */
    @Override
    VCenter login(VCenterConfig config, @CheckForNull Run<?, ?> run) throws AbortException {
        StandardUsernamePasswordCredentials account =
                FormAccess.globalUsernamePassword(config.getCredentialsId(), config.getUrl());
        if (account == null) {
            throw new AbortException("vCenter " + config.getName() + " logs in with the credentials '"
                    + config.getCredentialsId() + "', which are missing or not " + CredentialsLookup.EXPECTED
                    + " credentials: choose others in Manage Jenkins → System → vmfork");
        }
        if (run != null) {
            CredentialsProvider.track(run, account);
        }
        return config.toVCenter(account.getUsername(), account.getPassword().getPlainText());
    }

    @Override
    GuestCredentials guest(String credentialsId, Run<?, ?> run) throws AbortException {
        StandardUsernamePasswordCredentials account = CredentialsLookup.usernamePassword(
                credentialsId,
                "the guest account",
                type -> CredentialsProvider.findCredentialById(credentialsId, type, run));
        CredentialsProvider.track(run, account);
        return new GuestCredentials(account.getUsername(), account.getPassword().getPlainText());
    }

    @Override
    String owner() {
        return Owner.of(
                JenkinsLocationConfiguration.get().getUrl(), Jenkins.get().getLegacyInstanceId());
    }

    @Override
    PendingCleanups pending() {
        PendingCleanups list = pending;
        if (list == null) {
            synchronized (this) {
                if (pending == null) {
                    pending = new PendingCleanups(new File(Jenkins.get().getRootDir(), PENDING_FILE).toPath());
                }
                list = pending;
            }
        }
        return list;
    }

    /**
     * Asked as the system: the build of another job is over or running whatever the asking build may see; a job
     * hidden from the asking build must not look like one whose builds are all over.
     */
    @Override
    boolean isOver(String runId) {
        try (ACLContext system = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            return run == null || !run.isBuilding();
        } catch (IllegalArgumentException e) {
            // A job tag that is no build id of this Jenkins: not ours to judge.
            return false;
        }
    }
}
