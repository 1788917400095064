package io.jenkins.plugins.vmfork.steps;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, within a generous bound, for something that happens in the background; no speed is asserted. */
final class Waits {

    private static final Duration BOUND = Duration.ofMinutes(2);

    private Waits() {}

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + BOUND + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
