package hudson.model;

import java.io.IOException;

/**
 * Stand-in of periodic work that runs in a thread of its own, as the system, logging to a file of its own. Least
 * behaviour: the constructor does nothing, so that tests can call {@link #execute(TaskListener)} themselves.
 */
public abstract class AsyncPeriodicWork extends PeriodicWork {

    protected AsyncPeriodicWork(String name) {}

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
