package io.jenkins.plugins.vmfork.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of vmfork's steps share: each runs in a build and logs to it, and offers the configured
 * vCenters. Public because Stapler and Jenkins look the form methods up among the descriptor's public methods,
 * inherited ones included.
 */
public abstract class VmforkStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillVcenterItems(@AncestorInPath Item item) {
        return StepForms.vcenterChoices(item);
    }
}
