package io.jenkins.plugins.vmfork.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after garbage collection: what is really retained, not what happens not to be collected yet. */
final class Heap {

    private Heap() {}

    /** Bytes of heap in use after a few full collections (one may leave finalizable objects behind). */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
