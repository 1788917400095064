package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code vmforkChild(parent: 'ci-parent') { ... }}: forks a child of a prepared parent for the body and destroys it
 * when the body ends. Without a body it returns the child (name, id, ip, parent, vcenter), which is destroyed when
 * the build ends unless {@code keep: true}.
 */
public class VmforkChildStep extends ParentStep {

    private String name;
    private boolean persistent;
    private Map<String, String> configParams = new LinkedHashMap<>();
    private String folder;
    private String resourcePool;
    private String datastore;
    private boolean waitForIp = true;
    private Integer timeout;
    private boolean keep;

    @DataBoundConstructor
    public VmforkChildStep(String parent) {
        super(parent);
    }

    public String getName() {
        return name;
    }

    /** The child's name; by default the job, build number and a random suffix. */
    @DataBoundSetter
    public void setName(String name) {
        this.name = StepChecks.trimToNull(name);
    }

    public boolean isPersistent() {
        return persistent;
    }

    @DataBoundSetter
    public void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public Map<String, String> getConfigParams() {
        return configParams;
    }

    /** Extra configuration parameters of the child, e.g. [ 'guestinfo.role': 'db' ]; values become text. */
    @DataBoundSetter
    public void setConfigParams(Map<String, ?> configParams) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (configParams != null) {
            configParams.forEach((key, value) -> copy.put(String.valueOf(key), String.valueOf(value)));
        }
        this.configParams = copy;
    }

    public String getFolder() {
        return folder;
    }

    @DataBoundSetter
    public void setFolder(String folder) {
        this.folder = StepChecks.trimToNull(folder);
    }

    public String getResourcePool() {
        return resourcePool;
    }

    @DataBoundSetter
    public void setResourcePool(String resourcePool) {
        this.resourcePool = StepChecks.trimToNull(resourcePool);
    }

    public String getDatastore() {
        return datastore;
    }

    @DataBoundSetter
    public void setDatastore(String datastore) {
        this.datastore = StepChecks.trimToNull(datastore);
    }

    public boolean isWaitForIp() {
        return waitForIp;
    }

    @DataBoundSetter
    public void setWaitForIp(boolean waitForIp) {
        this.waitForIp = waitForIp;
    }

    public Integer getTimeout() {
        return timeout;
    }

    /** Seconds for each wait (the fork, then the IP); by default the vCenter's. */
    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        this.timeout = timeout == null ? null : StepChecks.timeoutSeconds(timeout);
    }

    public boolean isKeep() {
        return keep;
    }

    @DataBoundSetter
    public void setKeep(boolean keep) {
        this.keep = keep;
    }

    ChildRequest request() {
        return new ChildRequest(
                getParent(),
                getVcenter(),
                name,
                persistent,
                configParams,
                folder,
                resourcePool,
                datastore,
                waitForIp,
                timeout,
                StepChecks.mode(getMode()),
                keep);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ChildExecution(context, request());
    }

    @Extension
    @Symbol("vmforkChild")
    public static final class DescriptorImpl extends VmforkStepDescriptor {

        @Override
        public String getFunctionName() {
            return "vmforkChild";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Fork a child VM for this build (vmfork)";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @POST
        public FormValidation doCheckParent(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.check(item, () -> StepChecks.requireParent(value));
        }

        @POST
        public FormValidation doCheckMode(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.check(item, () -> StepChecks.mode(value));
        }
    }
}
