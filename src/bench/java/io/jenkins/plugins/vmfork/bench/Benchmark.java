package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Measures vmfork against the bundled simulator next to the ways users fork without it (yavijava polling as the
 * Jenkins vSphere plugin does, and pyVmomi), then soaks it with faults. Prints the tables and writes them to
 * target/benchmark/benchmark.md and benchmark.json. A benchmark, not a test: nothing here fails on a slow figure.
 *
 * <p>Usage: {@code mvn -Pbenchmark verify}, or this class with {@code --scale quick} (a smoke run, too few samples to
 * quote) and {@code --out DIR}.
 */
public final class Benchmark {

    /**
     * vcsim answers a waiting WaitForUpdatesEx on a 250 ms ticker of its own, which would add up to 250 ms to every
     * event-based wait and be counted as client overhead; 10 ms keeps that below the figures measured here.
     */
    static final String UPDATE_INTERVAL = "10ms";

    private static final long SOAK_SEED = 7;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Scale scale =
                switch (option(args, "--scale", "full")) {
                    case "full" -> Scale.FULL;
                    case "quick" -> Scale.QUICK;
                    default ->
                        throw new IllegalArgumentException("--scale " + option(args, "--scale", "")
                                + ": use full (the measurement) or quick (a smoke run)");
                };
        Path dir = Path.of(option(args, "--out", "target/benchmark"));
        long start = System.nanoTime();

        Report report = new Report();
        report.meta("date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        report.meta("cores", Runtime.getRuntime().availableProcessors());
        report.meta(
                "java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                        + Math.round(Heap.mb(Runtime.getRuntime().maxMemory())) + " MB");
        report.meta(
                "simulator",
                "vmfork-vcsim (govmomi 0.24.2) over HTTPS on loopback, update interval " + UPDATE_INTERVAL
                        + "; realistic task delay " + ForkPhases.REALISTIC.toMillis() + " ms");
        if (scale == Scale.QUICK) {
            report.meta("scale", "quick: a smoke run, too few samples to quote");
        }

        ForkPhases phases = new ForkPhases(report, scale);
        System.out.println("VMFork (API 6.5): vmfork and the polling baseline ...");
        phases.vmfork();
        System.out.println("Instant Clone (API 6.7): vmfork, the polling baseline, pyVmomi ...");
        phases.instantClone();
        System.out.println("Soak: " + scale.soakCycles() + " fork-and-destroy cycles, " + scale.soakThreads()
                + " at once, with faults ...");
        Soak.Result soak = soak(report, scale);
        targets(report, phases.figures, soak, scale);

        report.meta("benchmark took", Math.round((System.nanoTime() - start) / 1e9) + " s");
        System.out.println();
        System.out.println(report.markdown());
        report.write(dir);
        System.out.println("Written: " + dir.resolve("benchmark.md") + ", " + dir.resolve("benchmark.json"));
    }

    private static String option(String[] args, String name, String fallback) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
    }

    /** A fresh simulator with the given API version (6.5: VMFork, 6.7: Instant Clone). */
    static Vcsim simulator(String apiVersion) {
        return Vcsim.start("-api-version", apiVersion, "-update-interval", UPDATE_INTERVAL);
    }

    private static Soak.Result soak(Report report, Scale scale) throws Exception {
        try (Vcsim vcsim = simulator("6.5");
                VmforkClient client = new VmforkClient(vcsim, ForkMode.VMFORK)) {
            client.enableParent(vcsim);
            PollingBaseline inventory =
                    new PollingBaseline(vcsim.url(), vcsim.user(), vcsim.password(), vcsim.parentName(), false);
            Soak.Result r = Soak.run(
                    vcsim, client, inventory, new SoapMeter(vcsim), scale.soakCycles(), scale.soakThreads(), SOAK_SEED);
            report.soak(
                    "cycles run (fork with IP, then destroy)",
                    r.cycles() + ", " + scale.soakThreads() + " at once, in " + Report.num(r.wallSeconds()) + " s");
            report.soak("cycles without any failure", r.completed());
            report.soak("faults injected (" + FaultInjector.RATE + ")", r.injected());
            report.soak("failed forks, by kind", r.forks().failuresByKind());
            report.soak(
                    "failed destroys, by kind (destroyed again after the faults, with the children failed forks "
                            + "handed back)",
                    r.destroys().failuresByKind() + ", " + r.destroyedLater() + " destroyed later");
            report.soak("logins (first one, and again after each expiry)", r.logins());
            report.soak("VMs left: tagged children through vmfork's API", r.leftTagged());
            report.soak("VMs left: whole inventory, counted independently", r.leftInInventory());
            report.soak("VMs left after one sweep of tagged children (" + r.swept() + " swept)", r.leftAfterSweep());
            report.soak(
                    "heap after GC, before / after (MB)",
                    String.format(Locale.ROOT, "%.1f / %.1f", r.heapBeforeMb(), r.heapAfterMb()));
            report.detail(
                    "soakFailureExamples",
                    Map.of(
                            "fork",
                            r.forks().failureExamples(),
                            "destroy",
                            r.destroys().failureExamples()));
            return r;
        }
    }

    private static void targets(Report report, Map<String, Double> f, Soak.Result soak, Scale scale) {
        double overhead = Math.max(
                Math.max(f.get("vmfork.overhead.0"), f.get("vmfork.overhead.800")),
                Math.max(f.get("instantClone.overhead.0"), f.get("instantClone.overhead.800")));
        report.target(
                "overhead beyond vCenter <= 50 ms per child, one at a time",
                "at most " + Report.num(overhead) + " ms (both modes, both delays)",
                overhead <= 50);
        double soap = Math.max(f.get("vmfork.soap.800"), f.get("instantClone.soap.800"));
        report.target("<= 12 SOAP requests per child", "at most " + Report.num(soap), soap <= 12);
        double third = Math.max(
                f.get("vmfork.soap.800") / f.get("vmfork.pollingSoap.800"),
                f.get("instantClone.soap.800") / f.get("instantClone.pollingSoap.800"));
        report.target(
                "<= 1/3 of the polling baseline's SOAP requests, 800 ms tasks",
                String.format(Locale.ROOT, "%.2f of it at most", third),
                third <= 1 / 3.0);
        double logins = Math.max(f.get("vmfork.session.logins"), f.get("instantClone.session.logins"));
        report.target(
                "one login per vCenter and user, however many children",
                Report.num(logins) + " per open Forker",
                logins == 1);
        int most = scale.concurrency()[scale.concurrency().length - 1];
        double failures = f.get("concurrency." + most + ".failures");
        double spread = f.get("concurrency." + most + ".p95/p50");
        report.target(
                most + " children at once: no failure, p95 <= 2 × p50",
                Report.num(failures) + " failures, p95 = " + String.format(Locale.ROOT, "%.2f", spread) + " × p50",
                failures == 0 && spread <= 2);
        double heap = f.get("heapPerChildKb");
        report.target("heap per live child < 1 MB", Report.num(heap) + " KB", heap < 1024);
        double growth = soak.heapAfterMb() - soak.heapBeforeMb();
        report.target(
                "no heap growth over the soak (2 MB measuring noise allowed)",
                String.format(Locale.ROOT, "%+.1f MB", growth),
                growth <= 2);
        report.target(
                "soak leaves no VM behind",
                soak.leftTagged() + " tagged, " + soak.leftInInventory() + " in the inventory",
                soak.leftTagged() == 0 && soak.leftInInventory() == 0);
    }
}
