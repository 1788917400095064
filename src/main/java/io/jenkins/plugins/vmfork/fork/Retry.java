package io.jenkins.plugins.vmfork.fork;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.jenkins.plugins.vmfork.vsphere.Deadline;
import io.jenkins.plugins.vmfork.vsphere.VimException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries, with growing, jittered pauses so that concurrent callers do not retry in lockstep: a step that vCenter
 * refused because the parent is busy (TaskInProgress, FileLocked, ConcurrentAccess), and the destruction of what a
 * failed fork made. Nothing else is retried.
 */
final class Retry {

    static final int MAX_RETRIES = 5;

    /** How often the destruction of a failed fork's child is tried again. */
    static final int MAX_CLEANUP_RETRIES = 3;

    private static final RetryPolicy<Object> BUSY = RetryPolicy.builder()
            .handleIf(e -> e instanceof VimException v && v.isFault("TaskInProgress", "FileLocked", "ConcurrentAccess"))
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(3))
            .withJitter(0.5)
            .withMaxRetries(MAX_RETRIES)
            .build();

    private Retry() {}

    static <T> T whileBusy(String what, Supplier<T> step) {
        return run(BUSY, what, step);
    }

    /**
     * Runs a cleanup step again when it failed for a reason that may pass: vCenter refused it (a failed task, a busy
     * VM), did not answer in time or could not be reached, or ended the session again right after the new login.
     * Not a refused login (accounts lock), a usage error or an interrupt; and not once the deadline has passed.
     */
    static <T> T cleanup(String what, Deadline deadline, Supplier<T> step) {
        RetryPolicy<Object> passing = RetryPolicy.builder()
                .handleIf(e -> !deadline.expired() && mayPass(e))
                .withBackoff(Duration.ofMillis(300), Duration.ofSeconds(3))
                .withJitter(0.5)
                .withMaxRetries(MAX_CLEANUP_RETRIES)
                .build();
        return run(passing, what, step);
    }

    private static boolean mayPass(Throwable failure) {
        if (!(failure instanceof VimException e)) {
            return false;
        }
        return switch (e.kind()) {
            case REFUSED, TIMEOUT, CONNECTION -> true;
            case LOGIN -> e.isFault("NotAuthenticated");
            case USAGE, INTERRUPTED -> false;
        };
    }

    private static <T> T run(RetryPolicy<Object> policy, String what, Supplier<T> step) {
        try {
            return Failsafe.with(policy).get(step::get);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw Errors.interrupted(what);
            }
            throw e;
        }
    }
}
