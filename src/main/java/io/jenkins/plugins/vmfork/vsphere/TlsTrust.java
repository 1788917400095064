package io.jenkins.plugins.vmfork.vsphere;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS socket factories for the three certificate checks. The check runs during the handshake, so a certificate that
 * is not trusted fails the first request, before any password is sent.
 */
final class TlsTrust {

    private TlsTrust() {}

    /** A socket factory that checks the server's certificate as the endpoint asks. */
    static SSLSocketFactory socketFactory(Endpoint endpoint) {
        X509ExtendedTrustManager check =
                switch (endpoint.tls()) {
                    case JVM -> new JvmTrust(defaultTrustManager());
                    case PINNED -> new PinnedTrust(endpoint.thumbprint());
                    case ANY -> new PinnedTrust(null);
                };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {check}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM offers no TLS: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 thumbprint of a certificate as vSphere shows it: {@code AB:CD:...}. */
    static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a SHA-256 thumbprint: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager defaultTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("The JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JVM trust store: " + e.getMessage(), e);
        }
    }

    /** The server's certificate was refused; carries the thumbprint it presented so that the user can pin it. */
    static final class UntrustedCertificate extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final String presented;
        private final boolean pinned;

        UntrustedCertificate(String presented, boolean pinned, Throwable cause) {
            super("certificate with SHA-256 thumbprint " + presented + " refused", cause);
            this.presented = presented;
            this.pinned = pinned;
        }

        String presented() {
            return presented;
        }

        boolean pinned() {
            return pinned;
        }
    }

    /**
     * Accepts exactly the pinned certificate, or any when no thumbprint is given. The host name is not checked:
     * a pin identifies the server by itself. Extending X509ExtendedTrustManager keeps the JDK from adding its own
     * host name check around this one.
     */
    private static final class PinnedTrust extends X509ExtendedTrustManager {
        private final String expected;

        PinnedTrust(String expectedHex) {
            this.expected = expectedHex;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String presented = thumbprint(chain[0]);
            if (expected != null && !presented.replace(":", "").equals(expected)) {
                throw new UntrustedCertificate(presented, true, null);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("vmfork does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The JVM's own check (chain and host name), reporting the presented thumbprint when it refuses. */
    private static final class JvmTrust extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        JvmTrust(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return ((X509TrustManager) delegate).getAcceptedIssuers();
        }

        private static void check(X509Certificate[] chain, Check check) throws CertificateException {
            try {
                check.run();
            } catch (CertificateException e) {
                throw new UntrustedCertificate(thumbprint(chain[0]), false, e);
            }
        }

        private interface Check {
            void run() throws CertificateException;
        }
    }
}
