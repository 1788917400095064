package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import java.io.IOException;

/** Stand-in of a build of a Pipeline job. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> {

    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
    }
}
