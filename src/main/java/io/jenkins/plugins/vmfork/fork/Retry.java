package io.jenkins.plugins.vmfork.fork;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.jenkins.plugins.vmfork.vsphere.VimException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a step that vCenter refused because the parent is busy (TaskInProgress, FileLocked, ConcurrentAccess):
 * a few times, with growing, jittered pauses so that concurrent callers do not retry in lockstep. Nothing else is
 * retried.
 */
final class Retry {

    static final int MAX_RETRIES = 5;

    private static final RetryPolicy<Object> BUSY = RetryPolicy.builder()
            .handleIf(e -> e instanceof VimException v && v.isFault("TaskInProgress", "FileLocked", "ConcurrentAccess"))
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(3))
            .withJitter(0.5)
            .withMaxRetries(MAX_RETRIES)
            .build();

    private Retry() {}

    static <T> T whileBusy(String what, Supplier<T> step) {
        try {
            return Failsafe.with(BUSY).get(step::get);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw Errors.interrupted(what);
            }
            throw e;
        }
    }
}
