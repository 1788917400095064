package org.jenkinsci.plugins.workflow.steps;

/** Stand-in of the starter of a block step's body, with the context objects and the callback it gets. */
public abstract class BodyInvoker {

    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
