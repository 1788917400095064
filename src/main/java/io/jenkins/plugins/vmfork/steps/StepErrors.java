package io.jenkins.plugins.vmfork.steps;

import hudson.AbortException;
import io.jenkins.plugins.vmfork.fork.VmforkException;

/**
 * How failures reach the build: a user mistake or a vCenter refusal ends the step with an {@link AbortException},
 * which Jenkins prints as one line (vCenter's own text and what to do) without a stack trace. Anything else is a
 * defect of vmfork and keeps its stack trace.
 */
final class StepErrors {

    private StepErrors() {}

    static Throwable forBuild(Throwable failure) {
        if (failure instanceof VmforkException e) {
            if (e.kind() == VmforkException.Kind.INTERRUPTED) {
                InterruptedException interrupted = new InterruptedException(e.getMessage());
                interrupted.initCause(e);
                return interrupted;
            }
            return new AbortException(message(e));
        }
        if (failure instanceof IllegalArgumentException e && e.getMessage() != null) {
            return new AbortException(e.getMessage());
        }
        return failure;
    }

    /**
     * The message with those of suppressed failures appended: a fork that failed and whose child could not be
     * destroyed either says both, since the AbortException shows no more than its message.
     */
    static String message(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable also : failure.getSuppressed()) {
            text.append(". Also: ").append(also.getMessage());
        }
        return text.toString();
    }
}
