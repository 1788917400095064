package io.jenkins.plugins.vmfork.fork;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to fork: from which parent, under which name, where, with which tags, and what to wait for. Build it with
 * {@link #builder(String)}.
 *
 * @param parent the parent: a name, an inventory path ({@code /DC/vm/folder/name}) or an id ({@code vm-42})
 * @param name the child's name, or null to generate one from {@code namePrefix}
 * @param namePrefix the start of a generated name
 * @param persistent whether the child keeps its own disks (VMFork); otherwise they are deleted with it
 * @param configParams extra configuration parameters of the child (vmfork's own tags are added)
 * @param folder the folder for the child (name, path or id), or null for the parent's folder
 * @param resourcePool the resource pool (name, path or id), or null for the parent's
 * @param datastore the datastore (name or id), or null for the parent's
 * @param owner the owner tag, e.g. a hash of the Jenkins root URL
 * @param job the job tag
 * @param build the build tag
 * @param waitForIp whether to wait for an IP address that differs from the parent's
 * @param forkTimeout deadline for the fork task and powering on
 * @param ipTimeout deadline for the IP address
 * @param postForkCommand a command run in the child once it has its IP (waited for, must exit 0), or null
 * @param guest the guest account for {@code postForkCommand}
 */
public record ChildSpec(
        String parent,
        String name,
        String namePrefix,
        boolean persistent,
        Map<String, String> configParams,
        String folder,
        String resourcePool,
        String datastore,
        String owner,
        String job,
        String build,
        boolean waitForIp,
        Duration forkTimeout,
        Duration ipTimeout,
        String postForkCommand,
        GuestCredentials guest) {

    public ChildSpec {
        if (parent == null || parent.isBlank()) {
            throw new VmforkException(VmforkException.Kind.USAGE, null, "No parent VM given: name the parent to fork");
        }
        if (name != null) {
            ChildNames.requireValid(name);
        }
        namePrefix = ChildNames.prefix(namePrefix == null ? ChildNames.DEFAULT_PREFIX : namePrefix);
        configParams = Map.copyOf(Objects.requireNonNullElse(configParams, Map.of()));
        // vSphere compares extraConfig keys without case: GUESTINFO.VMFORK.owner would overwrite the owner tag.
        configParams.keySet().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).startsWith(Tags.PREFIX))
                .findFirst()
                .ifPresent(k -> {
                    throw new VmforkException(
                            VmforkException.Kind.USAGE,
                            null,
                            "Config parameter '" + k
                                    + "' is reserved for vmfork's own tags: give owner, job and build instead");
                });
        forkTimeout = Objects.requireNonNullElse(forkTimeout, Duration.ofMinutes(5));
        ipTimeout = Objects.requireNonNullElse(ipTimeout, Duration.ofMinutes(5));
        if (postForkCommand != null && guest == null) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE,
                    null,
                    "A post-fork command needs guest credentials: give the guest user and password");
        }
    }

    /** A builder with defaults: generated name, not persistent, wait for the IP, five-minute deadlines. */
    public static Builder builder(String parent) {
        return new Builder(parent);
    }

    /** Builds a {@link ChildSpec}; every setter returns the builder. */
    public static final class Builder {
        private final String parent;
        private String name;
        private String namePrefix;
        private boolean persistent;
        private final Map<String, String> configParams = new LinkedHashMap<>();
        private String folder;
        private String resourcePool;
        private String datastore;
        private String owner;
        private String job;
        private String build;
        private boolean waitForIp = true;
        private Duration forkTimeout;
        private Duration ipTimeout;
        private String postForkCommand;
        private GuestCredentials guest;

        private Builder(String parent) {
            this.parent = parent;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder namePrefix(String value) {
            this.namePrefix = value;
            return this;
        }

        public Builder persistent(boolean value) {
            this.persistent = value;
            return this;
        }

        public Builder configParam(String key, String value) {
            this.configParams.put(key, value);
            return this;
        }

        public Builder placement(String newFolder, String newResourcePool, String newDatastore) {
            this.folder = newFolder;
            this.resourcePool = newResourcePool;
            this.datastore = newDatastore;
            return this;
        }

        public Builder tags(String newOwner, String newJob, String newBuild) {
            this.owner = newOwner;
            this.job = newJob;
            this.build = newBuild;
            return this;
        }

        public Builder waitForIp(boolean value) {
            this.waitForIp = value;
            return this;
        }

        public Builder timeouts(Duration fork, Duration ip) {
            this.forkTimeout = fork;
            this.ipTimeout = ip;
            return this;
        }

        public Builder postForkCommand(String command, GuestCredentials credentials) {
            this.postForkCommand = command;
            this.guest = credentials;
            return this;
        }

        public ChildSpec build() {
            return new ChildSpec(
                    parent,
                    name,
                    namePrefix,
                    persistent,
                    configParams,
                    folder,
                    resourcePool,
                    datastore,
                    owner,
                    job,
                    build,
                    waitForIp,
                    forkTimeout,
                    ipTimeout,
                    postForkCommand,
                    guest);
        }
    }
}
