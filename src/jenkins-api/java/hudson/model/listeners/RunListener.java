package hudson.model.listeners;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Stand-in of the listener of build events. Least behaviour: the constructor does nothing (the real one finds the
 * run type from the type argument) and the events do nothing unless overridden, as in the real one.
 */
@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {

    protected RunListener() {}

    public void onCompleted(R r, @NonNull TaskListener listener) {}
}
