package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.InventoryPath;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Child names (a prefix and a short random suffix; letters, digits, {@code - _ .}; at most 80 characters) and the
 * escaping of {@code / \ %} in inventory paths.
 */
public final class ChildNames {

    /** The prefix of generated names when none is given. */
    public static final String DEFAULT_PREFIX = "vmfork";

    /** The longest name vmfork gives or accepts; vCenter allows 80 characters. */
    public static final int MAX_LENGTH = 80;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildNames() {}

    /** A new name: the prefix (made valid), a dash and six random letters or digits, e.g. {@code ci-7-x3k9qa}. */
    public static String generate(String prefix) {
        StringBuilder name = new StringBuilder(prefix(prefix)).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            name.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
        }
        return name.toString();
    }

    /** A name prefix from a job name and build number, e.g. {@code folder/My job} #7 gives {@code folder-My-job-7}. */
    public static String forBuild(String job, String build) {
        return prefix(job + "-" + build);
    }

    /**
     * Makes any text a valid prefix: every run of other characters becomes one dash, dashes and dots at the ends go,
     * and it is cut so that a generated name stays within {@value #MAX_LENGTH} characters.
     */
    public static String prefix(String raw) {
        String cleaned = raw == null
                ? ""
                : raw.replaceAll("[^A-Za-z0-9._-]+", "-")
                        .replaceAll("-{2,}", "-")
                        .replaceAll("^[-.]+|[-.]+$", "");
        int max = MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (cleaned.length() > max) {
            cleaned = cleaned.substring(0, max).replaceAll("[-.]+$", "");
        }
        return cleaned.isEmpty() ? DEFAULT_PREFIX : cleaned;
    }

    /** Fails with a usage error naming the value unless it is a valid child name. */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE,
                    null,
                    "Child name '" + name + "' is not valid: use 1 to " + MAX_LENGTH
                            + " letters, digits, '-', '_' or '.'");
        }
        return name;
    }

    /** Escapes a VM or folder name for an inventory path: {@code %} as %25, {@code /} as %2F, {@code \} as %5C. */
    public static String escape(String name) {
        return InventoryPath.escape(name);
    }

    /** Undoes {@link #escape(String)}; other {@code %} sequences are kept as they are. */
    public static String unescape(String escaped) {
        return InventoryPath.unescape(escaped);
    }

    /** Splits an inventory path like {@code /DC/vm/a%2Fb} into its unescaped names {@code [DC, vm, a/b]}. */
    public static List<String> splitPath(String path) {
        return InventoryPath.split(path);
    }

    /** Joins names into an inventory path, escaping each: {@code [DC, vm, a/b]} gives {@code /DC/vm/a%2Fb}. */
    public static String joinPath(List<String> names) {
        return InventoryPath.join(names);
    }
}
