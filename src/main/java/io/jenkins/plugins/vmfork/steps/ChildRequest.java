package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.ChildNames;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a build asked to fork, as the child step and the build wrapper take it; saved with a Pipeline's state, so it
 * holds names and options only.
 *
 * @param parent the parent: name, inventory path or id
 * @param vcenter the configured vCenter's name, or null for the only one
 * @param name the child's name, or null to name it after the job and build
 * @param timeoutSeconds the deadline of each wait (fork, IP), or null for the vCenter's defaults
 * @param mode the fork mode, or null for the vCenter's
 * @param keep whether the child outlives the build
 */
record ChildRequest(
        String parent,
        String vcenter,
        String name,
        boolean persistent,
        Map<String, String> configParams,
        String folder,
        String resourcePool,
        String datastore,
        boolean waitForIp,
        Integer timeoutSeconds,
        ForkMode mode,
        boolean keep)
        implements Serializable {

    ChildRequest {
        configParams = configParams == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configParams);
    }

    /**
     * The name the child gets: the one asked for, or the vCenter's prefix (by default the job and build number)
     * with a random suffix, e.g. {@code folder-app-12-x3k9qa}.
     */
    String childName(VCenterConfig config, String runId) {
        if (name != null) {
            return ChildNames.requireValid(name);
        }
        String prefix = config.getChildNamePrefix() != null
                ? config.getChildNamePrefix()
                : ChildNames.forBuild(RunIds.job(runId), RunIds.build(runId));
        return ChildNames.generate(prefix);
    }

    /** The fork API's spec, tagged with this Jenkins as owner and the build; kept children get the kept owner. */
    ChildSpec spec(VCenterConfig config, String childName, String owner, String runId) {
        ChildSpec.Builder spec = ChildSpec.builder(parent)
                .name(childName)
                .persistent(persistent)
                .placement(folder, resourcePool, datastore)
                .tags(keep ? Owner.kept(owner) : owner, RunIds.job(runId), RunIds.build(runId))
                .waitForIp(waitForIp)
                .timeouts(timeout(config.forkTimeout()), timeout(config.ipTimeout()));
        configParams.forEach(spec::configParam);
        return spec.build();
    }

    private Duration timeout(Duration fallback) {
        return timeoutSeconds == null ? fallback : Duration.ofSeconds(timeoutSeconds);
    }
}
