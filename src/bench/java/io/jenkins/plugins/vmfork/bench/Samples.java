package io.jenkins.plugins.vmfork.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-child measurements of one client in one scenario: wall times and SOAP requests by method. */
final class Samples {

    /** One child: how long it took and what it asked the simulator. */
    record Sample(double millis, Map<String, Long> soap) {}

    private final List<Sample> samples = new ArrayList<>();
    private int failures;
    private final Map<String, Integer> failuresByKind = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();

    synchronized void add(double millis, Map<String, Long> soap) {
        samples.add(new Sample(millis, soap));
    }

    /** A failure of this kind, with its message as an example when it is the first of its kind. */
    synchronized void fail(String kind, String message) {
        failures++;
        failuresByKind.merge(kind, 1, Integer::sum);
        examples.putIfAbsent(kind, message);
    }

    synchronized int size() {
        return samples.size();
    }

    synchronized int failures() {
        return failures;
    }

    synchronized Map<String, Integer> failuresByKind() {
        return new TreeMap<>(failuresByKind);
    }

    /** The first message of each kind of failure. */
    synchronized Map<String, String> failureExamples() {
        return new TreeMap<>(examples);
    }

    /** The p-th percentile of the wall times (nearest rank), e.g. 50 or 95; NaN without samples. */
    synchronized double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    synchronized double meanMillis() {
        return samples.stream().mapToDouble(Sample::millis).average().orElse(Double.NaN);
    }

    /** Mean SOAP requests per child. */
    synchronized double meanSoap() {
        return samples.stream()
                .mapToLong(s -> SoapMeter.total(s.soap()))
                .average()
                .orElse(Double.NaN);
    }

    /** Mean tasks started per child: on a sequential run each one is on the critical path. */
    synchronized double meanTasks() {
        return samples.stream()
                .mapToLong(s -> SoapMeter.tasks(s.soap()))
                .average()
                .orElse(Double.NaN);
    }

    /** Mean requests per child of each method, for the report's breakdown. */
    synchronized Map<String, Double> meanSoapByMethod() {
        Map<String, Double> sums = new TreeMap<>();
        samples.forEach(s -> s.soap().forEach((m, n) -> sums.merge(m, (double) n, Double::sum)));
        sums.replaceAll((m, sum) -> sum / samples.size());
        return sums;
    }
}
