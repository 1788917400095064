package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Run the build with a forked child VM": the block form of {@code vmforkChild} for freestyle jobs, and in Pipeline
 * through {@code wrap} or its symbol {@code vmforkBuildWrapper}. The build gets VMFORK_CHILD_NAME, _ID and _IP; the
 * child is destroyed when the build (or block) ends, and retried later when that fails.
 */
public class VmforkBuildWrapper extends SimpleBuildWrapper {

    // vmforkChild's options again: a wrapper cannot extend ParentStep, and a nested holder changes the saved XML.

    private final String parent;
    private String vcenter;
    private String name;
    private boolean persistent;
    private String folder;
    private String resourcePool;
    private String datastore;
    private boolean waitForIp = true;
    private Integer timeout;
    private String mode;

    @DataBoundConstructor
    public VmforkBuildWrapper(String parent) {
        this.parent = StepChecks.requireParent(parent);
    }

    public String getParent() {
        return parent;
    }

    public String getVcenter() {
        return vcenter;
    }

    @DataBoundSetter
    public void setVcenter(String vcenter) {
        this.vcenter = StepChecks.trimToNull(vcenter);
    }

    public String getName() {
        return name;
    }

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

    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        this.timeout = timeout == null ? null : StepChecks.timeoutSeconds(timeout);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        StepChecks.mode(mode);
        this.mode = StepChecks.trimToNull(mode);
    }

    ChildRequest request() {
        return new ChildRequest(
                parent,
                vcenter,
                name,
                persistent,
                Map.of(),
                folder,
                resourcePool,
                datastore,
                waitForIp,
                timeout,
                StepChecks.mode(mode),
                false);
    }

    /** Needs no workspace: the child is reached over the network, not through the agent. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        VmforkServices services = VmforkServices.get();
        BuildLog log = new BuildLog(listener.getLogger());
        ChildRequest request = request();
        Child child;
        VCenterConfig config;
        try {
            config = services.vcenter(vcenter);
            String childName = request.childName(config, build.getExternalizableId());
            child = services.fork(config, request, childName, build, log);
        } catch (VmforkException e) {
            throw rethrown(StepErrors.forBuild(e), e);
        }
        ChildEnvironment.variables(child).forEach(context::env);
        context.setDisposer(new DestroyChild(config.getName(), child.id(), child.name()));
    }

    private static IOException rethrown(Throwable mapped, VmforkException original) throws InterruptedException {
        if (mapped instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (mapped instanceof IOException io) {
            return io;
        }
        throw original;
    }

    /** Destroys the child at the end of the build or block. Holds names and ids only. */
    static final class DestroyChild extends Disposer {

        private static final long serialVersionUID = 1L;

        private final String vcenter;
        private final String childId;
        private final String childName;

        DestroyChild(String vcenter, String childId, String childName) {
            this.vcenter = vcenter;
            this.childId = childId;
            this.childName = childName;
        }

        @Override
        public void tearDown(Run<?, ?> build, TaskListener listener) {
            VmforkServices.get()
                    .destroyOrReport(build, vcenter, childId, childName, new BuildLog(listener.getLogger()));
        }
    }

    @Extension
    @Symbol("vmforkBuildWrapper")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run the build with a forked child VM (vmfork)";
        }

        @POST
        public ListBoxModel doFillVcenterItems(@AncestorInPath Item item) {
            return StepForms.vcenterChoices(item);
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
