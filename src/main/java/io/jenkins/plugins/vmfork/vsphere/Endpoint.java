package io.jenkins.plugins.vmfork.vsphere;

import java.time.Duration;

/**
 * Where and as whom to connect: the SDK URL, the user and password (never shown by {@link #toString()}), the TLS
 * check and the timeouts of every SOAP call.
 *
 * @param url the SDK URL, e.g. {@code https://vc.example.com/sdk}
 * @param tls which certificate check applies
 * @param thumbprint the pinned SHA-256 thumbprint (64 upper-case hex digits) for {@link Tls#PINNED}, else null
 */
public record Endpoint(
        String url,
        String user,
        String password,
        Tls tls,
        String thumbprint,
        Duration connectTimeout,
        Duration readTimeout) {

    /** The certificate checks; see {@link TlsTrust}. */
    public enum Tls {
        JVM,
        PINNED,
        ANY
    }

    @Override
    public String toString() {
        return "Endpoint[" + user + " at " + url + ", tls=" + tls + "]";
    }
}
