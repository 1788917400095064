package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;

/** Stand-in of what adds variables to the environment of the steps inside a block. */
public abstract class EnvironmentExpander implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void expand(@NonNull EnvVars env) throws IOException, InterruptedException;

    /**
     * Least behaviour, as in the real one: an expander that runs both in this order, or just {@code subsequent} when
     * there is no original; tests expand the result to see the variables a body gets.
     */
    public static EnvironmentExpander merge(
            @CheckForNull EnvironmentExpander original, @NonNull EnvironmentExpander subsequent) {
        if (original == null) {
            return subsequent;
        }
        return new EnvironmentExpander() {
            private static final long serialVersionUID = 1L;

            @Override
            public void expand(@NonNull EnvVars env) throws IOException, InterruptedException {
                original.expand(env);
                subsequent.expand(env);
            }
        };
    }
}
