package jenkins.model;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in of a section of Manage Jenkins → System: a descriptor that is its own describable. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements Describable<GlobalConfiguration> {

    protected GlobalConfiguration() {}
}
