package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the SOAP requests that reached the simulator over HTTP, by method. The counts come from the simulator's
 * front handler, so they hold whatever the client thinks it sent.
 */
final class SoapMeter {

    private final Vcsim vcsim;

    SoapMeter(Vcsim vcsim) {
        this.vcsim = vcsim;
    }

    /** The counters now; subtract two of them with {@link #between}. */
    Map<String, Long> snapshot() {
        return vcsim.soapRequestsByMethod();
    }

    long logins() {
        return vcsim.logins();
    }

    int openSessions() {
        return vcsim.openSessions();
    }

    /** What was requested between two snapshots, by method; methods not requested are left out. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((method, n) -> {
            long d = n - before.getOrDefault(method, 0L);
            if (d != 0) {
                delta.put(method, d);
            }
        });
        return delta;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tasks started: the {@code *_Task} requests. */
    static long tasks(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_Task"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
