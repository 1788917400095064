package io.jenkins.plugins.vmfork.bench;

/**
 * How many children each figure is measured over. The polling baseline gets fewer: each of its children takes
 * seconds of sleeps. {@code quick} is a smoke run of the whole benchmark, not a measurement.
 *
 * @param fast vmfork children one after the other with instant tasks
 * @param builds vmfork builds (and Instant Clone children) with 800 ms tasks
 * @param pollingFast polling-baseline children with instant tasks
 * @param pollingSlow polling-baseline children with 800 ms tasks
 * @param heapChildren children held alive to weigh the heap per child
 * @param concurrency how many children at once, one run each
 * @param soakCycles fork-and-destroy cycles of the soak
 * @param soakThreads cycles running at once in the soak
 */
record Scale(
        int fast,
        int builds,
        int pollingFast,
        int pollingSlow,
        int heapChildren,
        int[] concurrency,
        int soakCycles,
        int soakThreads) {

    static final Scale FULL = new Scale(20, 6, 4, 3, 50, new int[] {1, 10, 50}, 500, 20);

    static final Scale QUICK = new Scale(4, 2, 1, 1, 10, new int[] {1, 5}, 40, 5);
}
