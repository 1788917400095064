package io.jenkins.plugins.vmfork.bench;

import java.util.Map;

/**
 * A build's whole life, one build after the other: connect (vmfork opens its Forker, the polling baseline has
 * nothing to open), fork, wait for the IP, destroy, disconnect. The fork-to-IP part is also kept as a per-child
 * sample, counted without the connect.
 */
final class Builds {

    /** Opens what one build uses; vmfork logs in here unless another Forker holds the session. */
    interface Opener {
        ChildClient open() throws Exception;
    }

    record Result(Samples builds, Samples children, double loginsPerBuild) {}

    private Builds() {}

    static Result run(Opener opener, SoapMeter meter, String prefix, int count) throws Exception {
        Samples builds = new Samples();
        Samples children = new Samples();
        long loginsBefore = meter.logins();
        for (int i = 0; i < count; i++) {
            Map<String, Long> start = meter.snapshot();
            long begin = System.nanoTime();
            try (ChildClient client = opener.open()) {
                Map<String, Long> opened = meter.snapshot();
                long fork = System.nanoTime();
                String child = client.forkUntilReady(prefix + "-" + i);
                children.add((System.nanoTime() - fork) / 1e6, SoapMeter.between(opened, meter.snapshot()));
                client.destroy(child);
            }
            builds.add((System.nanoTime() - begin) / 1e6, SoapMeter.between(start, meter.snapshot()));
        }
        return new Result(builds, children, (meter.logins() - loginsBefore) / (double) count);
    }
}
