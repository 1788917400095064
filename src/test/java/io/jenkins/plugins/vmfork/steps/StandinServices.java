package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.QuiesceOptions;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of a Jenkins with one vCenter, "sim" (the simulator, its certificate pinned), credentials held in a
 * map instead of the credentials plugin, builds that the test starts and ends, and the pending cleanups in a file of
 * the test's own. Installed while open. Not compiled under the jenkins-repo profile.
 */
final class StandinServices extends VmforkServices implements AutoCloseable {

    static final String VCENTER = "sim";
    static final String LOGIN_ID = "sim-login";
    static final String GUEST_ID = "sim-guest";
    static final String OWNER = "jenkins-standin0001";

    final Vcsim vcsim;
    final List<String> tracked = Collections.synchronizedList(new ArrayList<>());
    final Map<String, IdCredentials> credentials = new ConcurrentHashMap<>();
    private final Map<String, StandinRun> runs = new ConcurrentHashMap<>();
    private final List<VCenterConfig> vcenters = new ArrayList<>();
    private final PendingCleanups pending;
    private final AutoCloseable installed;

    StandinServices(Vcsim vcsim, Path dir) {
        this.vcsim = vcsim;
        this.pending = new PendingCleanups(dir.resolve("pending-cleanups.txt"));
        VCenterConfig sim = new VCenterConfig(VCENTER, vcsim.url(), LOGIN_ID);
        sim.setTrust(Trust.Kind.PINNED);
        sim.setThumbprint(vcsim.thumbprint());
        vcenters.add(sim);
        credentials.put(LOGIN_ID, new UsernamePassword(LOGIN_ID, vcsim.user(), vcsim.password()));
        credentials.put(GUEST_ID, new UsernamePassword(GUEST_ID, vcsim.guestUser(), vcsim.guestPassword()));
        this.installed = VmforkServices.install(this);
    }

    @Override
    VCenterConfig vcenter(@CheckForNull String name) {
        return VCenterList.select(vcenters, name);
    }

    @Override
    List<VCenterConfig> vcenters() {
        return List.copyOf(vcenters);
    }

    void addVcenter(VCenterConfig config) {
        vcenters.add(config);
    }

    @Override
    VCenter login(VCenterConfig config, @CheckForNull Run<?, ?> run) throws AbortException {
        StandardUsernamePasswordCredentials account = lookUp(config.getCredentialsId(), "the vCenter login");
        return config.toVCenter(account.getUsername(), account.getPassword().getPlainText());
    }

    @Override
    GuestCredentials guest(String credentialsId, Run<?, ?> run) throws AbortException {
        StandardUsernamePasswordCredentials account = lookUp(credentialsId, "the guest account");
        return new GuestCredentials(account.getUsername(), account.getPassword().getPlainText());
    }

    private StandardUsernamePasswordCredentials lookUp(String id, String purpose) throws AbortException {
        StandardUsernamePasswordCredentials found = CredentialsLookup.usernamePassword(
                id, purpose, type -> type.isInstance(credentials.get(id)) ? credentials.get(id) : null);
        tracked.add(id);
        return found;
    }

    @Override
    String owner() {
        return OWNER;
    }

    @Override
    PendingCleanups pending() {
        return pending;
    }

    @Override
    boolean isOver(String runId) {
        StandinRun run = runs.get(runId);
        return run == null || !run.isBuilding();
    }

    /** A new running build of a job. */
    StandinRun newRun(String job, int number) throws IOException {
        StandinRun run = new StandinRun(job, number);
        runs.put(run.getExternalizableId(), run);
        return run;
    }

    /** The fork API on the simulator, logged in with its own account, as a test looks at vCenter. */
    Forker forker() {
        VCenter vcenter =
                VCenter.of(vcsim.url(), vcsim.user(), vcsim.password()).withTrust(Trust.pinned(vcsim.thumbprint()));
        return Forker.open(vcenter, ForkMode.AUTO, ForkListener.NONE);
    }

    /** The tagged children of the simulator's parent, as vCenter lists them. */
    List<Child> children() {
        try (Forker forker = forker()) {
            return forker.children(vcsim.parentName());
        }
    }

    /** Destroys every tagged child on the simulator, so that the next test starts without any. */
    void destroyAllChildren() {
        try (Forker forker = forker()) {
            forker.children(null).forEach(c -> forker.destroy(c.id(), false));
        }
    }

    /** Enables and quiesces the simulator's parent, as a prepared parent is before builds fork it. */
    void prepareParent() {
        try (Forker forker = forker()) {
            forker.enableParent(
                    vcsim.parentName(),
                    new GuestCredentials(vcsim.guestUser(), vcsim.guestPassword()),
                    QuiesceOptions.defaults());
        }
    }

    @Override
    public void close() throws Exception {
        installed.close();
    }

    /** A user name and password credential, as the credentials plugin's would be. */
    record UsernamePassword(String id, String user, String password) implements StandardUsernamePasswordCredentials {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getUsername() {
            return user;
        }

        @Override
        public Secret getPassword() {
            return Secret.fromString(password);
        }

        @Override
        public String toString() {
            return "UsernamePassword[" + id + ", " + user + "]";
        }
    }

    /** A credential of another type (a secret file, say). */
    record SecretFile(String id) implements StandardCredentials {
        @Override
        public String getId() {
            return id;
        }
    }
}
