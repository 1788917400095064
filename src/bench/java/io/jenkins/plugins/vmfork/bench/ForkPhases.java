package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The figures that compare clients, one simulator per fork mode: VMFork (API 6.5; vmfork and the polling baseline)
 * and Instant Clone (API 6.7; also pyVmomi). Every client forks from its own parent or from the same running one,
 * one child after the other, at task delay 0 and at the realistic delay.
 */
final class ForkPhases {

    static final Duration REALISTIC = Duration.ofMillis(800);

    /** What the targets are checked against. */
    final Map<String, Double> figures = new LinkedHashMap<>();

    private final Report report;
    private final Scale scale;

    ForkPhases(Report report, Scale scale) {
        this.report = report;
        this.scale = scale;
    }

    void vmfork() throws Exception {
        try (Vcsim vcsim = Benchmark.simulator("6.5")) {
            SoapMeter meter = new SoapMeter(vcsim);
            vcsim.createVm("polling-parent");
            PollingBaseline polling =
                    new PollingBaseline(vcsim.url(), vcsim.user(), vcsim.password(), "polling-parent", false);

            vcsim.taskDelay(REALISTIC);
            Samples enable = new Samples();
            long loginsBefore = meter.logins();
            Map<String, Long> before = meter.snapshot();
            long start = System.nanoTime();
            try (VmforkClient client = new VmforkClient(vcsim, ForkMode.VMFORK)) {
                client.enableParent(vcsim);
            }
            enable.add((System.nanoTime() - start) / 1e6, SoapMeter.between(before, meter.snapshot()));
            long enableLogins = meter.logins() - loginsBefore;
            Builds.Result builds =
                    Builds.run(() -> new VmforkClient(vcsim, ForkMode.VMFORK), meter, "build", scale.builds());

            Samples pollingEnable = new Samples();
            before = meter.snapshot();
            start = System.nanoTime();
            polling.prepareParent(vcsim.guestUser(), vcsim.guestPassword());
            pollingEnable.add((System.nanoTime() - start) / 1e6, SoapMeter.between(before, meter.snapshot()));
            Builds.Result pollingBuilds = Builds.run(() -> polling, meter, "polling-build", scale.pollingSlow());

            vcsim.taskDelay(Duration.ZERO);
            Samples pollingFast = Sequential.run(polling, meter, "polling-0", scale.pollingFast());
            loginsBefore = meter.logins();
            Samples fast;
            int children;
            double heapPerChildKb;
            try (VmforkClient client = new VmforkClient(vcsim, ForkMode.VMFORK)) {
                fast = Sequential.run(client, meter, "vmfork-0", scale.fast());
                heapPerChildKb = heapPerLiveChild(client, scale.heapChildren());
                children = fast.size() + scale.heapChildren() + concurrency(client, meter, vcsim);
            }
            long sessionLogins = meter.logins() - loginsBefore;

            String m = "VMFork";
            childRows(m, fast, pollingFast, null, builds.children(), pollingBuilds.children(), null);
            report.row(
                    m + ": enable + quiesce the parent once",
                    "ms",
                    enable.percentile(50),
                    pollingEnable.percentile(50),
                    Double.NaN);
            report.row(
                    m + ": SOAP requests to enable + quiesce",
                    "requests",
                    enable.meanSoap(),
                    pollingEnable.meanSoap(),
                    Double.NaN);
            report.row(
                    m + ": a build (connect, fork, IP, destroy), 800 ms tasks, p50",
                    "ms",
                    builds.builds().percentile(50),
                    pollingBuilds.builds().percentile(50),
                    Double.NaN);
            report.row(
                    m + ": SOAP requests per build",
                    "requests",
                    builds.builds().meanSoap(),
                    pollingBuilds.builds().meanSoap(),
                    Double.NaN);
            report.row(
                    m + ": logins per build, builds one after the other",
                    "logins",
                    builds.loginsPerBuild(),
                    pollingBuilds.loginsPerBuild(),
                    Double.NaN);
            report.row(
                    m + ": logins for " + children + " children on one open Forker",
                    "logins",
                    sessionLogins,
                    pollingFast.meanSoapByMethod().getOrDefault("Login", Double.NaN) * children,
                    Double.NaN);
            report.row(
                    m + ": heap retained per live child (" + scale.heapChildren() + " alive, after GC)",
                    "KB",
                    heapPerChildKb,
                    Double.NaN,
                    Double.NaN);
            figures.put("vmfork.enable.logins", (double) enableLogins);
            figures.put("vmfork.session.logins", (double) sessionLogins);
            report.detail(
                    "vmforkSoapPerChild",
                    Map.of(
                            "vmfork@0",
                            fast.meanSoapByMethod(),
                            "vmfork@800",
                            builds.children().meanSoapByMethod(),
                            "polling@0",
                            pollingFast.meanSoapByMethod(),
                            "polling@800",
                            pollingBuilds.children().meanSoapByMethod(),
                            "enable",
                            enable.meanSoapByMethod(),
                            "pollingEnable",
                            pollingEnable.meanSoapByMethod()));
        }
    }

    void instantClone() throws Exception {
        try (Vcsim vcsim = Benchmark.simulator("6.7")) {
            SoapMeter meter = new SoapMeter(vcsim);
            Samples fast;
            Samples slow;
            long loginsBefore = meter.logins();
            try (VmforkClient client = new VmforkClient(vcsim, ForkMode.INSTANT_CLONE)) {
                fast = Sequential.run(client, meter, "vmfork-0", scale.fast());
                vcsim.taskDelay(REALISTIC);
                slow = Sequential.run(client, meter, "vmfork-800", scale.builds());
            }
            figures.put("instantClone.session.logins", (double) (meter.logins() - loginsBefore));

            PollingBaseline polling =
                    new PollingBaseline(vcsim.url(), vcsim.user(), vcsim.password(), vcsim.parentName(), true);
            Samples pollingSlow = Sequential.run(polling, meter, "polling-800", scale.pollingSlow());
            vcsim.taskDelay(Duration.ZERO);
            Samples pollingFast = Sequential.run(polling, meter, "polling-0", scale.pollingFast());

            Samples pyFast = null;
            Samples pySlow = null;
            String missing = PyvmomiBaseline.unavailable();
            if (missing == null) {
                pyFast = PyvmomiBaseline.run(vcsim, "pyvmomi-0", scale.fast() / 2)
                        .samples();
                vcsim.taskDelay(REALISTIC);
                pySlow = PyvmomiBaseline.run(vcsim, "pyvmomi-800", scale.builds())
                        .samples();
            } else {
                System.out.println("pyVmomi baseline skipped: " + missing);
                report.meta("pyVmomi baseline", "skipped: " + missing);
            }
            childRows("Instant Clone", fast, pollingFast, pyFast, slow, pollingSlow, pySlow);
            report.detail(
                    "instantCloneSoapPerChild",
                    Map.of(
                            "vmfork@0",
                            fast.meanSoapByMethod(),
                            "vmfork@800",
                            slow.meanSoapByMethod(),
                            "polling@0",
                            pollingFast.meanSoapByMethod(),
                            "polling@800",
                            pollingSlow.meanSoapByMethod(),
                            "pyvmomi@0",
                            pyFast == null ? Map.of() : pyFast.meanSoapByMethod(),
                            "pyvmomi@800",
                            pySlow == null ? Map.of() : pySlow.meanSoapByMethod()));
        }
    }

    /** Latency, SOAP requests and overhead per child at both task delays, for each client that ran. */
    private void childRows(
            String mode,
            Samples fast,
            Samples pollingFast,
            Samples pyFast,
            Samples slow,
            Samples pollingSlow,
            Samples pySlow) {
        long delay = REALISTIC.toMillis();
        report.row(
                mode + ": child ready with IP, tasks instant, p50",
                "ms",
                fast.percentile(50),
                pollingFast.percentile(50),
                p50(pyFast));
        report.row(
                mode + ": child ready with IP, 800 ms tasks, p50",
                "ms",
                slow.percentile(50),
                pollingSlow.percentile(50),
                p50(pySlow));
        report.row(
                mode + ": SOAP requests per child, tasks instant",
                "requests",
                fast.meanSoap(),
                pollingFast.meanSoap(),
                pyFast == null ? Double.NaN : pyFast.meanSoap());
        report.row(
                mode + ": SOAP requests per child, 800 ms tasks",
                "requests",
                slow.meanSoap(),
                pollingSlow.meanSoap(),
                pySlow == null ? Double.NaN : pySlow.meanSoap());
        report.row(
                mode + ": overhead beyond vCenter per child, tasks instant",
                "ms",
                overhead(fast, 0),
                overhead(pollingFast, 0),
                pyFast == null ? Double.NaN : overhead(pyFast, 0));
        report.row(
                mode + ": overhead beyond vCenter per child, 800 ms tasks",
                "ms",
                overhead(slow, delay),
                overhead(pollingSlow, delay),
                pySlow == null ? Double.NaN : overhead(pySlow, delay));
        String key = mode.equals("VMFork") ? "vmfork" : "instantClone";
        figures.put(key + ".overhead.0", overhead(fast, 0));
        figures.put(key + ".overhead.800", overhead(slow, delay));
        figures.put(key + ".soap.0", fast.meanSoap());
        figures.put(key + ".soap.800", slow.meanSoap());
        figures.put(key + ".pollingSoap.800", pollingSlow.meanSoap());
    }

    /**
     * The median time minus what vCenter itself spends on the critical path: one task delay per task started
     * (one after the other, since every run here is sequential).
     */
    /**
     * The median minus the task delays on the client's path. A task whose end the client did not wait for is not on
     * its path: the simulator runs a child as soon as its power-on is called and holds back only the end of that
     * task, which vmfork does not wait for. So at most as many delays are taken off as fit into the median.
     */
    static double overhead(Samples samples, long taskDelayMillis) {
        double median = samples.percentile(50);
        if (taskDelayMillis == 0) {
            return median;
        }
        double tasksOnPath = Math.min(samples.meanTasks(), Math.floor(median / taskDelayMillis));
        return median - tasksOnPath * taskDelayMillis;
    }

    private static double p50(Samples samples) {
        return samples == null ? Double.NaN : samples.percentile(50);
    }

    /**
     * Heap retained per child while the children are alive: forked one by one and held, compared after GC. The
     * measuring noise (two readings with nothing done between them) goes to the JSON.
     */
    private double heapPerLiveChild(VmforkClient client, int count) throws Exception {
        long before = Heap.usedAfterGc();
        report.detail("heapNoiseKb", Math.abs(Heap.usedAfterGc() - before) / 1024.0);
        List<Child> alive = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alive.add(client.fork("heap-" + i));
        }
        long after = Heap.usedAfterGc();
        double perChildKb = (after - before) / 1024.0 / count;
        figures.put("heapPerChildKb", perChildKb);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            Concurrency.destroyAll(pool, client, alive.stream().map(Child::id).toList());
        } finally {
            pool.shutdownNow();
        }
        return perChildKb;
    }

    /** Concurrency at the realistic delay; returns how many children it forked. */
    private int concurrency(VmforkClient client, SoapMeter meter, Vcsim vcsim) throws Exception {
        vcsim.taskDelay(REALISTIC);
        int children = 0;
        for (int count : scale.concurrency()) {
            Concurrency.Result r = Concurrency.run(client, meter, "at-once-" + count, count);
            Samples s = r.samples();
            report.concurrency(
                    String.valueOf(count),
                    Report.num(r.totalMillis()),
                    Report.num(s.percentile(50)),
                    Report.num(s.percentile(95)),
                    String.format(java.util.Locale.ROOT, "%.2f", s.percentile(95) / s.percentile(50)),
                    String.valueOf(s.failures()),
                    Report.num(r.soapRequests() / (double) count),
                    String.valueOf(r.logins()),
                    String.valueOf(r.openSessions()),
                    String.format(java.util.Locale.ROOT, "%.1f", r.heapMb()));
            figures.put("concurrency." + count + ".failures", (double) s.failures());
            figures.put("concurrency." + count + ".p95/p50", s.percentile(95) / s.percentile(50));
            children += count;
        }
        vcsim.taskDelay(Duration.ZERO);
        return children;
    }
}
