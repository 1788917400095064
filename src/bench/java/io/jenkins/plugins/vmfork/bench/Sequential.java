package io.jenkins.plugins.vmfork.bench;

import java.util.Map;

/** Children one after the other, each timed and counted on its own, each destroyed before the next one. */
final class Sequential {

    private Sequential() {}

    /**
     * Forks {@code count} children with the client: the clock and the SOAP counters cover "fork requested" to
     * "child has its IP"; the destroy after each one is outside the measurement.
     */
    static Samples run(ChildClient client, SoapMeter meter, String prefix, int count) throws Exception {
        Samples samples = new Samples();
        for (int i = 0; i < count; i++) {
            Map<String, Long> before = meter.snapshot();
            long start = System.nanoTime();
            String child = client.forkUntilReady(prefix + "-" + i);
            double millis = (System.nanoTime() - start) / 1e6;
            samples.add(millis, SoapMeter.between(before, meter.snapshot()));
            client.destroy(child);
        }
        return samples;
    }
}
