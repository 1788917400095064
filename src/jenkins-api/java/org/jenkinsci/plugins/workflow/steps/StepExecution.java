package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Stand-in of one running step, saved with the Pipeline's state. Least behaviour, as in the real one: it keeps its
 * context, {@link #stop(Throwable)} fails the context, and the other defaults do nothing; tests drive executions
 * through these.
 */
public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {}

    public @CheckForNull String getStatus() {
        return null;
    }

    public boolean blocksRestart() {
        return false;
    }
}
