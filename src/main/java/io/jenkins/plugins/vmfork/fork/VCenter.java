package io.jenkins.plugins.vmfork.fork;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A vCenter to connect to: its SDK URL, a user and password (never shown by {@link #toString()}), the TLS trust and
 * the connect and read timeouts of every call.
 *
 * @param url the SDK URL, normalized to {@code scheme://host[:port]/sdk}; {@code host}, {@code https://host} and
 *     {@code https://host:8443/sdk} are all accepted; plain {@code http://} only with the trust
 *     {@link Trust.Kind#ANY}, which says that a password readable on the network path is accepted
 * @param user the vCenter user, e.g. {@code ci@vsphere.local}
 * @param password the user's password; any characters, XML-escaped on the wire
 * @param trust how the certificate is checked
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for one SOAP answer (long waits are split into shorter calls)
 */
public record VCenter(
        String url, String user, String password, Trust trust, Duration connectTimeout, Duration readTimeout) {

    /** Connect timeout when none is given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** Read timeout when none is given; waits on vCenter ask for at most a little less than this. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public VCenter {
        url = normalizeUrl(url);
        user = requireText(user, "user");
        password = Objects.requireNonNullElse(password, "");
        trust = Objects.requireNonNullElse(trust, Trust.jvm());
        requireTlsUnlessAccepted(url, trust);
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect timeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "read timeout");
    }

    /** A vCenter checked against the JVM trust store, with the default timeouts. */
    public static VCenter of(String url, String user, String password) {
        return new VCenter(url, user, password, Trust.jvm(), null, null);
    }

    /** The same vCenter with another certificate check. */
    public VCenter withTrust(Trust newTrust) {
        return new VCenter(url, user, password, newTrust, connectTimeout, readTimeout);
    }

    /** The same vCenter with other timeouts. */
    public VCenter withTimeouts(Duration connect, Duration read) {
        return new VCenter(url, user, password, trust, connect, read);
    }

    /** Whether the URL is plain HTTP, so that the password crosses the network unencrypted. */
    public boolean plainHttp() {
        return url.startsWith("http:");
    }

    /** The host (and port, when given) of the URL, for messages. */
    public String host() {
        return URI.create(url).getAuthority();
    }

    @Override
    public String toString() {
        return "VCenter[url=" + url + ", user=" + user + ", trust=" + trust.kind() + "]";
    }

    private static String normalizeUrl(String url) {
        String text = requireText(url, "URL").trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null
                            || uri.getPath().isEmpty()
                            || uri.getPath().equals("/")
                    ? "/sdk"
                    : uri.getPath().replaceAll("/+$", "");
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getQuery() != null) {
                throw new URISyntaxException(text, "not an http(s) URL of a host");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null).toString();
        } catch (URISyntaxException e) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE,
                    null,
                    "vCenter URL '" + url + "' is not valid: give https://host or https://host:port/sdk");
        }
    }

    /**
     * Plain HTTP sends the password in clear text, and there is no certificate whose thumbprint could be checked:
     * only the trust that already accepts anyone on the network path allows it.
     */
    private static void requireTlsUnlessAccepted(String url, Trust trust) {
        if (!url.startsWith("http:") || trust.kind() == Trust.Kind.ANY) {
            return;
        }
        String problem = trust.kind() == Trust.Kind.PINNED
                ? "has no certificate, so the pinned thumbprint cannot be checked"
                : "would send the password unencrypted";
        throw new VmforkException(
                VmforkException.Kind.USAGE,
                null,
                "Plain HTTP to vCenter '" + url + "' " + problem + ": use https://, or, on a test setup only, "
                        + "trust any certificate");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new VmforkException(VmforkException.Kind.USAGE, null, "The vCenter " + what + " is empty: give one");
        }
        return value;
    }

    private static Duration positive(Duration value, Duration fallback, String what) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE, null, "The vCenter " + what + " must be positive, not " + value);
        }
        return value;
    }
}
