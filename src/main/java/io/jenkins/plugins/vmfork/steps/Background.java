package io.jenkins.plugins.vmfork.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that talk to vCenter for steps: a cached pool of daemon threads, so that a fork or a destruction never
 * runs on a Pipeline's CPU thread and a hung vCenter holds no Jenkins lock. Every call has its own deadline in the
 * fork API, so threads come back.
 */
final class Background {

    static final ExecutorService POOL = Executors.newCachedThreadPool(new Named());

    private Background() {}

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "vmfork step " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
