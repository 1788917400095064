package io.jenkins.plugins.vmfork.steps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps on one parent share: the parent, the vCenter and the fork mode, each checked when it is set. Public
 * because Stapler and structs find the inherited data-bound setters by reflection, walking up to this class.
 */
public abstract class ParentStep extends Step {

    private final String parent;
    private String vcenter;
    private String mode;

    protected ParentStep(String parent) {
        this.parent = StepChecks.requireParent(parent);
    }

    public String getParent() {
        return parent;
    }

    public String getVcenter() {
        return vcenter;
    }

    /** The configured vCenter's name; may be left out when exactly one is configured. */
    @DataBoundSetter
    public void setVcenter(String vcenter) {
        this.vcenter = StepChecks.trimToNull(vcenter);
    }

    public String getMode() {
        return mode;
    }

    /** auto, vmfork or instantClone; by default the vCenter's. */
    @DataBoundSetter
    public void setMode(String mode) {
        StepChecks.mode(mode);
        this.mode = StepChecks.trimToNull(mode);
    }
}
