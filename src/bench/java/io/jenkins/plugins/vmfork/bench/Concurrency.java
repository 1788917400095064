package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many children forked at once from one parent, each on its own thread, all released at the same moment. */
final class Concurrency {

    /**
     * One run: wall time from the start signal to the last child ready, the per-child times, logins made during
     * the run, sessions open at its end, and the heap in use (after GC) while all children were alive.
     */
    record Result(
            int children,
            double totalMillis,
            Samples samples,
            long soapRequests,
            long logins,
            int openSessions,
            double heapMb) {}

    private Concurrency() {}

    static Result run(VmforkClient client, SoapMeter meter, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            Samples samples = new Samples();
            long loginsBefore = meter.logins();
            long soapBefore = SoapMeter.total(meter.snapshot());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Child>> forks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + "-" + i;
                forks.add(pool.submit(() -> forkTimed(client, name, samples, start)));
            }
            long begin = System.nanoTime();
            start.countDown();
            List<String> made = new ArrayList<>();
            for (Future<Child> fork : forks) {
                Child child = fork.get(10, TimeUnit.MINUTES);
                if (child != null) {
                    made.add(child.id());
                }
            }
            double total = (System.nanoTime() - begin) / 1e6;
            long soap = SoapMeter.total(meter.snapshot()) - soapBefore;
            Result result = new Result(
                    count,
                    total,
                    samples,
                    soap,
                    meter.logins() - loginsBefore,
                    meter.openSessions(),
                    Heap.mb(Heap.usedAfterGc()));
            destroyAll(pool, client, made);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Child forkTimed(VmforkClient client, String name, Samples samples, CountDownLatch start)
            throws InterruptedException {
        start.await();
        long begin = System.nanoTime();
        try {
            Child child = client.fork(name);
            samples.add((System.nanoTime() - begin) / 1e6, java.util.Map.of());
            return child;
        } catch (VmforkException e) {
            samples.fail(Soak.kind(e), e.getMessage());
            return null;
        }
    }

    static void destroyAll(ExecutorService pool, ChildClient client, List<String> children) throws Exception {
        List<Future<?>> destroys = new ArrayList<>();
        for (String child : children) {
            destroys.add(pool.submit(() -> {
                client.destroy(child);
                return null;
            }));
        }
        for (Future<?> destroy : destroys) {
            destroy.get(10, TimeUnit.MINUTES);
        }
    }
}
