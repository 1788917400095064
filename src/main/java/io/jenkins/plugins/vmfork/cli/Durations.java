package io.jenkins.plugins.vmfork.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them ({@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}) or in ISO-8601. */
final class Durations implements ITypeConverter<Duration> {

    /** Longer than any wait or age vmfork deals with, and far below where Java's time arithmetic overflows. */
    static final Duration MAX = Duration.ofDays(3650);

    private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:ms|[dhms]))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[dhms])");

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = parse(value);
        } catch (NumberFormatException | ArithmeticException e) {
            duration = MAX.plusMillis(1);
        }
        if (duration == null) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration: use e.g. 30s, 30m, 2h, 1d, 1h30m or ISO-8601 such as PT2H");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is too long a duration: give at most " + format(MAX));
        }
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is a negative duration: give 0s or more");
        }
        return duration;
    }

    /** Reads a timeout: as a duration, but more than zero. */
    static final class Positive implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = new Durations().convert(value);
            if (duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is no time to wait: give more than 0s, e.g. 5m");
            }
            return duration;
        }
    }

    /**
     * The duration, or null when the text is not one. A number too large for a long, or a sum beyond
     * {@link Duration}, throws NumberFormatException or ArithmeticException.
     */
    static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (SHORT.matcher(text).matches()) {
            return sum(text);
        }
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                if (e.getCause() instanceof ArithmeticException overflow) {
                    throw overflow;
                }
                return null;
            }
        }
        return null;
    }

    private static Duration sum(String text) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "d" -> Duration.ofDays(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "ms" -> Duration.ofMillis(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        return total;
    }

    /** A duration the way this command line accepts it, e.g. {@code 2h}, {@code 1h30m}, {@code 45s}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
