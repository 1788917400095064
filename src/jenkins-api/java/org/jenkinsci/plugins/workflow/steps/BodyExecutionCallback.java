package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Stand-in of what is told when a body ends; saved with the Pipeline's state while the body runs. */
public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
