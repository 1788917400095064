package io.jenkins.plugins.vmfork.steps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The owner tag that marks a child as forked by this Jenkins: a short hash of the Jenkins URL (or, when no URL is
 * configured, of the instance id). The sweep of this Jenkins destroys children with this tag only, so that two
 * controllers sharing a vCenter never destroy each other's children.
 *
 * <p>Known shortcoming: a changed Jenkins URL changes the tag; children forked before are then left to the
 * command line's sweep or to an administrator.
 */
final class Owner {

    /** Appended to the owner tag of children forked with {@code keep: true}: no sweep of this Jenkins takes them. */
    static final String KEPT_SUFFIX = "-kept";

    private Owner() {}

    /** The tag for a Jenkins with this configured URL (or null) and this instance id. */
    static String of(String configuredUrl, String instanceId) {
        String identity = configuredUrl != null && !configuredUrl.isBlank() ? configuredUrl.trim() : instanceId;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "jenkins-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    static String kept(String owner) {
        return owner + KEPT_SUFFIX;
    }
}
