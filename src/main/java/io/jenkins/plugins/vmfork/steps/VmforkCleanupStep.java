package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code vmforkCleanup}: destroys children and returns how many. {@code child: 'name'} destroys that child;
 * {@code parent: 'p', olderThan: '2h'} the children of p that builds of this Jenkins left behind (their build is
 * over); with neither, all children this build forked and did not keep. Idempotent.
 */
public class VmforkCleanupStep extends Step {

    private String vcenter;
    private String child;
    private String parent;
    private String olderThan;

    @DataBoundConstructor
    public VmforkCleanupStep() {}

    public String getVcenter() {
        return vcenter;
    }

    @DataBoundSetter
    public void setVcenter(String vcenter) {
        this.vcenter = StepChecks.trimToNull(vcenter);
    }

    public String getChild() {
        return child;
    }

    /** The child to destroy: name, inventory path or id. It must carry vmfork's tags. */
    @DataBoundSetter
    public void setChild(String child) {
        this.child = StepChecks.trimToNull(child);
    }

    public String getParent() {
        return parent;
    }

    /** Destroy the leftovers of finished builds among this parent's children. */
    @DataBoundSetter
    public void setParent(String parent) {
        this.parent = StepChecks.trimToNull(parent);
    }

    public String getOlderThan() {
        return olderThan;
    }

    /** With {@code parent}: only children forked longer ago than this, e.g. 30m, 2h, 1d. */
    @DataBoundSetter
    public void setOlderThan(String olderThan) {
        StepChecks.age(olderThan);
        this.olderThan = StepChecks.trimToNull(olderThan);
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        if (child != null && parent != null) {
            throw new AbortException(
                    "Give either child (one child) or parent (the leftovers of its" + " finished builds), not both");
        }
        if (olderThan != null && parent == null) {
            throw new AbortException("olderThan needs parent: the leftovers of which parent?");
        }
        return new CleanupExecution(context, vcenter, child, parent, StepChecks.age(olderThan));
    }

    @Extension
    @Symbol("vmforkCleanup")
    public static final class DescriptorImpl extends VmforkStepDescriptor {

        @Override
        public String getFunctionName() {
            return "vmforkCleanup";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Destroy forked child VMs (vmfork)";
        }

        @POST
        public FormValidation doCheckOlderThan(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.check(item, () -> StepChecks.age(value));
        }
    }
}
