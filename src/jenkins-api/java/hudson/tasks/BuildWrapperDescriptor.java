package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;

/** Stand-in of the descriptor of a {@link BuildWrapper}: which projects offer it. */
public abstract class BuildWrapperDescriptor extends Descriptor<BuildWrapper> {

    protected BuildWrapperDescriptor() {}

    public abstract boolean isApplicable(AbstractProject<?, ?> item);
}
