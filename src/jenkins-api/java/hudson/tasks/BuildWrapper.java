package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stand-in of what runs around a freestyle build (and, as a simple build wrapper, around a Pipeline block). */
public abstract class BuildWrapper implements Describable<BuildWrapper>, ExtensionPoint {}
