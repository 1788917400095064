package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of step parameters, shared by the steps' setters (where a bad value ends the step with the message)
 * and their form checks. No Jenkins types.
 */
final class StepChecks {

    static final int MAX_TIMEOUT_SECONDS = 24 * 3600;

    private static final Pattern AGE_PART = Pattern.compile("(\\d+)(min|d|h|m|s)");
    private static final Pattern AGE = Pattern.compile("(\\d+(min|d|h|m|s))+");

    private StepChecks() {}

    static String requireParent(String parent) {
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException(
                    "Give the parent VM: its name, inventory path or id, e.g. parent:" + " 'ci-parent'");
        }
        return parent.trim();
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A fork mode as written in a Jenkinsfile: auto, vmfork or instantClone (any case, - and _ ignored). */
    static ForkMode mode(String value) {
        String text = trimToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto" -> ForkMode.AUTO;
            case "vmfork" -> ForkMode.VMFORK;
            case "instantclone" -> ForkMode.INSTANT_CLONE;
            default ->
                throw new IllegalArgumentException("Fork mode '" + value + "' is not known: give auto, vmfork"
                        + " (vSphere 6.0 to 6.7) or instantClone (vSphere 6.7 and later)");
        };
    }

    static int timeoutSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "Timeout " + seconds + " is out of range: give seconds from 1 to " + MAX_TIMEOUT_SECONDS);
        }
        return seconds;
    }

    /** An age such as 90s, 30m, 2h, 1d or 1h30m, or an ISO-8601 duration such as PT2H. */
    static Duration age(String value) {
        String text = trimToNull(value);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace(" ", "");
        if (AGE.matcher(lower).matches()) {
            Duration total = Duration.ZERO;
            Matcher part = AGE_PART.matcher(lower);
            while (part.find()) {
                total = total.plus(part(Long.parseLong(part.group(1)), part.group(2)));
            }
            return total;
        }
        try {
            Duration parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the forms that are understood
        }
        throw new IllegalArgumentException(
                "Age '" + value + "' is not understood: give e.g. 90s, 30m, 2h, 1d or 1h30m");
    }

    private static Duration part(long amount, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
