package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Stand-in of the descriptor of a Pipeline step: its function name and what it needs from the context. */
public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    /** Least behaviour: false, as in the real one, for steps that take no block. */
    public boolean takesImplicitBlockArgument() {
        return false;
    }
}
