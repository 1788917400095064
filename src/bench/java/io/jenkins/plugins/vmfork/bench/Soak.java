package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fork-and-destroy cycles on many threads while faults are injected at random. A cycle whose destroy fails, or whose
 * failed fork hands back a child it could not destroy ({@link VmforkException#leftover()}), keeps that child for one
 * more destroy after the faults stop, as the plugin's pending cleanup does; what is left after that is counted twice:
 * through vmfork's API and, independently, in the whole inventory.
 */
final class Soak {

    /** vCenter's fault type in a message, as vmfork quotes it: {@code ... (SystemError)}. */
    private static final Pattern FAULT = Pattern.compile("\\(([A-Z]\\w+)\\)");

    record Result(
            int cycles,
            int completed,
            double wallSeconds,
            Samples forks,
            Samples destroys,
            int destroyedLater,
            Map<String, Integer> injected,
            int leftTagged,
            int leftInInventory,
            int swept,
            int leftAfterSweep,
            double heapBeforeMb,
            double heapAfterMb,
            long logins) {}

    private Soak() {}

    static Result run(
            Vcsim vcsim,
            VmforkClient client,
            PollingBaseline inventory,
            SoapMeter meter,
            int cycles,
            int concurrency,
            long seed)
            throws Exception {
        int vmsBefore = inventory.countVms();
        long loginsBefore = meter.logins();
        double heapBefore = Heap.mb(Heap.usedAfterGc());
        Samples forks = new Samples();
        Samples destroys = new Samples();
        List<String> pending = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();

        FaultInjector faults = new FaultInjector(vcsim, seed);
        Thread injector = new Thread(faults, "fault-injector");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        injector.start();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> cycles(client, cycles, next, completed, forks, destroys, pending)));
            }
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.MINUTES);
            }
        } finally {
            faults.stop();
            injector.join();
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long logins = meter.logins() - loginsBefore;

        vcsim.reset();
        int destroyedLater = 0;
        for (String child : pending) {
            try {
                client.destroy(child);
                destroyedLater++;
            } catch (VmforkException e) {
                destroys.fail("destroy failed again without faults", e.getMessage());
            }
        }
        int leftTagged = client.taggedChildren();
        int leftInInventory = inventory.countVms() - vmsBefore;
        int swept = leftTagged > 0 ? client.sweep() : 0;
        int leftAfterSweep = inventory.countVms() - vmsBefore;
        return new Result(
                cycles,
                completed.get(),
                wall,
                forks,
                destroys,
                destroyedLater,
                faults.injected(),
                leftTagged,
                leftInInventory,
                swept,
                leftAfterSweep,
                heapBefore,
                Heap.mb(Heap.usedAfterGc()),
                logins);
    }

    private static Void cycles(
            VmforkClient client,
            int cycles,
            AtomicInteger next,
            AtomicInteger completed,
            Samples forks,
            Samples destroys,
            List<String> pending) {
        for (int i = next.getAndIncrement(); i < cycles; i = next.getAndIncrement()) {
            Child child;
            try {
                child = client.fork("soak-" + i);
            } catch (VmforkException e) {
                forks.fail(kind(e), e.getMessage());
                for (Throwable cleanup : e.getSuppressed()) {
                    Matcher fault = FAULT.matcher(String.valueOf(cleanup.getMessage()));
                    String why = fault.find() ? fault.group(1) : "no fault named";
                    forks.fail("child of the failed fork not destroyed (" + why + ")", cleanup.getMessage());
                }
                e.leftover().ifPresent(left -> {
                    synchronized (pending) {
                        pending.add(left.id());
                    }
                });
                continue;
            }
            try {
                client.destroy(child.id());
                completed.incrementAndGet();
            } catch (VmforkException e) {
                destroys.fail(kind(e), e.getMessage());
                synchronized (pending) {
                    pending.add(child.id());
                }
            }
        }
        return null;
    }

    /** A failure's kind and vCenter fault, e.g. {@code REFUSED/SystemError}. */
    static String kind(VmforkException e) {
        return e.kind() + (e.fault() == null ? "" : "/" + e.fault());
    }
}
