package io.jenkins.plugins.vmfork.steps;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Limits how many children of one parent this Jenkins forks at the same time (the vCenter setting "maximum children
 * forked at once"); the others wait their turn. A burst of forks of one parent otherwise queues up in vCenter, where
 * each task holds the parent busy and the later ones run into their deadlines.
 */
final class ForkGate {

    static final ForkGate SHARED = new ForkGate();

    private final ConcurrentMap<String, Semaphore> gates = new ConcurrentHashMap<>();

    /** A turn to fork; closing it lets the next one in. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a turn to fork from this parent.
     *
     * @param parentKey the vCenter and the parent as the step names it
     * @param max how many forks of this parent may run at once
     * @param onWait called once when the turn is not free at once
     */
    Turn enter(String parentKey, int max, Runnable onWait) throws InterruptedException {
        // The limit is part of the key, so that a changed setting takes effect for the forks that start after it.
        Semaphore gate = gates.computeIfAbsent(parentKey + "|" + max, k -> new Semaphore(max, true));
        if (!gate.tryAcquire()) {
            onWait.run();
            gate.acquire();
        }
        return gate::release;
    }
}
