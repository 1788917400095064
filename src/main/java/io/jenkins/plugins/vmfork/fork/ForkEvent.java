package io.jenkins.plugins.vmfork.fork;

import java.time.Duration;
import java.util.Locale;

/**
 * One step of progress: what happened, to which VM, and how long it took.
 *
 * @param what a short sentence, e.g. {@code Forked child ci-7-x3k (vm-1042) from ci-parent, IP 10.0.0.7}
 * @param vm the name of the VM it happened to
 * @param took how long the step took
 */
public record ForkEvent(String what, String vm, Duration took) {

    /** The line to print: the sentence and the duration, e.g. {@code ... in 1.2 s}. */
    public String line() {
        return what + " in " + seconds(took);
    }

    /** A duration as a person reads it: {@code 0.4 s}, {@code 12 s}, {@code 3 min 5 s}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = duration.toSeconds();
        return s < 120 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
