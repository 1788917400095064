package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.ChildNames;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of a vCenter's configuration fields, shared by the form checks and the setters (so that Configuration
 * as Code gets the same messages as the web form). No Jenkins types, so they are tested on their own.
 */
final class VCenterChecks {

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_CONNECTION_TIMEOUT_SECONDS = 3600;
    static final int MAX_FORK_TIMEOUT_SECONDS = 24 * 3600;
    static final int MAX_CONCURRENT_FORKS = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

    private VCenterChecks() {}

    static FieldCheck name(String name) {
        if (isBlank(name)) {
            return FieldCheck.error("Give the vCenter a name: steps choose it by this name, e.g. vcenter: 'lab'");
        }
        if (!NAME.matcher(name.trim()).matches()) {
            return FieldCheck.error("vCenter name '" + name + "' is not valid: use 1 to " + MAX_NAME_LENGTH
                    + " letters, digits, '-', '_' or '.'");
        }
        return FieldCheck.ok();
    }

    static FieldCheck url(String url) {
        if (isBlank(url)) {
            return FieldCheck.error("Give the vCenter's address, e.g. https://vcenter.example.com/sdk");
        }
        String normalized;
        try {
            // The fork API's own parsing, so that what passes here is what the steps connect to.
            // Parsed with the trust that allows plain HTTP: whether this trust is chosen is checked with it.
            normalized = new VCenter(url, "check", "", Trust.anyCertificate(), null, null).url();
        } catch (VmforkException e) {
            return FieldCheck.error(e.getMessage());
        }
        if (normalized.startsWith("http:")) {
            return FieldCheck.warning("Plain HTTP: the vCenter password crosses the network unencrypted. Use https://"
                    + " unless this is a test setup, where it needs the trust 'Any certificate'");
        }
        return normalized.equals(url.trim()) ? FieldCheck.ok() : FieldCheck.ok("Connects to " + normalized);
    }

    /** The URL with the trust chosen for it: plain HTTP only with the trust that accepts anyone on the path. */
    static FieldCheck url(String url, String trust) {
        try {
            return url(url, constant(Trust.Kind.class, trust, Trust.Kind.JVM));
        } catch (IllegalArgumentException e) {
            return url(url);
        }
    }

    static FieldCheck url(String url, Trust.Kind trust) {
        FieldCheck parsed = url(url);
        boolean plainHttp = !isBlank(url) && url.trim().toLowerCase(Locale.ROOT).startsWith("http:");
        if (parsed.isError() || !plainHttp || trust == Trust.Kind.ANY) {
            return parsed;
        }
        if (trust == Trust.Kind.PINNED) {
            return FieldCheck.error(
                    "Plain HTTP has no certificate, so a pinned thumbprint cannot be checked: use" + " https://");
        }
        return FieldCheck.error("Plain HTTP would send the vCenter password unencrypted: use https://, or, on a test"
                + " setup only, choose the trust 'Any certificate'");
    }

    static FieldCheck credentialsId(String credentialsId) {
        return isBlank(credentialsId)
                ? FieldCheck.error("Choose the user name and password that vmfork logs in to vCenter with")
                : FieldCheck.ok();
    }

    /** The trust as a form sends it (a constant's name), with the thumbprint. */
    static FieldCheck trust(String kind, String thumbprint) {
        try {
            return trust(constant(Trust.Kind.class, kind, Trust.Kind.JVM), thumbprint);
        } catch (IllegalArgumentException e) {
            return FieldCheck.error("Trust " + e.getMessage());
        }
    }

    static FieldCheck trust(Trust.Kind kind, String thumbprint) {
        if (kind == Trust.Kind.PINNED) {
            if (isBlank(thumbprint)) {
                return FieldCheck.error("Give the SHA-256 thumbprint of the vCenter's certificate, e.g. from"
                        + " 'openssl x509 -noout -fingerprint -sha256', or choose another trust");
            }
            try {
                Trust.pinned(thumbprint);
            } catch (VmforkException e) {
                return FieldCheck.error(e.getMessage());
            }
            return FieldCheck.ok();
        }
        if (!isBlank(thumbprint)) {
            return FieldCheck.warning(
                    "The thumbprint is only used with the trust 'pinned SHA-256 thumbprint';" + " it is ignored now");
        }
        if (kind == Trust.Kind.ANY) {
            return FieldCheck.warning("Any certificate is accepted, so anyone on the network path can pose as this"
                    + " vCenter and read its password. Pin the thumbprint instead where you can");
        }
        return FieldCheck.ok();
    }

    /** A timeout in whole seconds; empty means the default. */
    static FieldCheck seconds(String what, String value, int max) {
        return wholeNumber(what + " '" + value + "'", value, 1, max, " seconds");
    }

    static FieldCheck maxConcurrentForks(String value) {
        return wholeNumber("Maximum children forked at once '" + value + "'", value, 1, MAX_CONCURRENT_FORKS, "");
    }

    static FieldCheck childNamePrefix(String prefix) {
        if (isBlank(prefix)) {
            return FieldCheck.ok("Children are named after the job and build number, e.g. my-job-7-x3k9qa");
        }
        String used = ChildNames.prefix(prefix);
        if (!used.equals(prefix)) {
            return FieldCheck.warning("Child names allow only letters, digits, '-', '_' and '.'; this prefix is used"
                    + " as '" + used + "'");
        }
        return FieldCheck.ok("Children are named like " + used + "-x3k9qa");
    }

    /** Fails with the check's message when it is an error; used by setters, where no form shows it. */
    static void require(FieldCheck check) {
        if (check.isError()) {
            throw new IllegalArgumentException(check.message());
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String trimToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }

    /** Parses the name of an enum constant as a form sends it (any case); null or empty gives the default. */
    static <E extends Enum<E>> E constant(Class<E> type, String value, E fallback) {
        if (isBlank(value)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()), e);
        }
    }

    private static FieldCheck wholeNumber(String what, String value, int min, int max, String unit) {
        if (isBlank(value)) {
            return FieldCheck.ok();
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return FieldCheck.error(what + " is not a whole number: give one from " + min + " to " + max + unit);
        }
        if (number < min || number > max) {
            return FieldCheck.error(what + " is out of range: give one from " + min + " to " + max + unit);
        }
        return FieldCheck.ok();
    }
}
