package io.jenkins.plugins.vmfork.vsphere;

import java.time.Duration;

/** A point in time by which an operation must be done, measured on the monotonic clock. */
public record Deadline(long startNanos, long endNanos) {

    /** A deadline this long from now. */
    public static Deadline after(Duration duration) {
        long now = System.nanoTime();
        return new Deadline(now, now + duration.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Time since the deadline was set. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** How long the deadline allowed in all. */
    public Duration allowed() {
        return Duration.ofNanos(endNanos - startNanos);
    }
}
