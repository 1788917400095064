package io.jenkins.plugins.vmfork.fork;

import java.util.Locale;
import java.util.Objects;

/**
 * How the vCenter's TLS certificate is checked: the JVM trust store, a pinned SHA-256 thumbprint, or not at all.
 *
 * @param kind which check
 * @param thumbprint the pinned SHA-256 thumbprint as 64 upper-case hex digits, only for {@link Kind#PINNED}
 */
public record Trust(Kind kind, String thumbprint) {

    /** Which certificate check applies. */
    public enum Kind {
        /** The certificate must chain to the JVM trust store and match the host name. */
        JVM,
        /** The certificate's SHA-256 thumbprint must equal the pinned one; the host name is not checked. */
        PINNED,
        /** Any certificate is accepted; every connection reports a warning. */
        ANY
    }

    public Trust {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PINNED) {
            thumbprint = normalize(thumbprint);
        } else if (thumbprint != null) {
            throw new IllegalArgumentException("A thumbprint is only used with pinned trust");
        }
    }

    /** Verify against the JVM trust store (the default). */
    public static Trust jvm() {
        return new Trust(Kind.JVM, null);
    }

    /** Accept only the certificate with this SHA-256 thumbprint: hex, with or without colons, any case. */
    public static Trust pinned(String sha256Thumbprint) {
        return new Trust(Kind.PINNED, sha256Thumbprint);
    }

    /** Accept any certificate (a warning is reported on every connection). */
    public static Trust anyCertificate() {
        return new Trust(Kind.ANY, null);
    }

    /** The thumbprint in the colon-separated form vSphere shows, e.g. {@code AB:CD:...}, or null. */
    public String displayThumbprint() {
        return thumbprint == null ? null : String.join(":", thumbprint.split("(?<=\\G..)"));
    }

    private static String normalize(String thumbprint) {
        String hex = thumbprint == null
                ? ""
                : thumbprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE,
                    null,
                    "Certificate thumbprint '" + thumbprint + "' is not a SHA-256 thumbprint: give 64 hex digits "
                            + "(colons allowed), e.g. as shown by 'openssl x509 -noout -fingerprint -sha256'");
        }
        return hex;
    }
}
