package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VimPortType;
import com.vmware.vim25.ws.Argument;
import java.io.IOException;
import java.time.Duration;

/** One logged-in vCenter session: the SOAP port, the service references and the endpoint it was made for. */
final class Connection {

    private static final ManagedObjectReference SERVICE_INSTANCE = Refs.of("ServiceInstance", "ServiceInstance");

    final Endpoint endpoint;
    final SoapTransport transport;
    final VimPortType port;
    final ServiceRefs refs;

    /** The collectors that waits borrow; they end with this login. */
    final CollectorPool collectors;

    private Connection(Endpoint endpoint, SoapTransport transport, VimPortType port, ServiceRefs refs) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.port = port;
        this.refs = refs;
        this.collectors = new CollectorPool(refs.propertyCollector());
    }

    /**
     * Reads the ServiceContent, refuses an ESXi host, then logs in. The certificate is checked by the first request,
     * so a wrong one fails before the password is sent.
     */
    static Connection open(Endpoint endpoint) {
        String what = "Connecting to " + endpoint.url();
        SoapTransport transport;
        VimPortType port;
        ServiceRefs refs;
        try {
            transport = new SoapTransport(endpoint);
            port = new VimPortType(transport);
            refs = ServiceRefs.from(transport.invokeElement(
                    "RetrieveServiceContent",
                    new Argument[] {new Argument("_this", "ManagedObjectReference", SERVICE_INSTANCE)}));
        } catch (IOException e) {
            throw Faults.of(what, e);
        }
        if (!"VirtualCenter".equals(refs.apiType())) {
            throw new VimException(
                    VimException.Kind.USAGE,
                    null,
                    endpoint.url() + " is " + refs.fullName() + " (" + refs.apiType()
                            + "), not a vCenter: forking needs vCenter, give the vCenter's URL");
        }
        transport.setSoapActionOnApiVersion(refs.apiVersion());
        login(endpoint, transport, refs);
        return new Connection(endpoint, transport, port, refs);
    }

    private static void login(Endpoint endpoint, SoapTransport transport, ServiceRefs refs) {
        Argument[] args = {
            new Argument("_this", "ManagedObjectReference", refs.sessionManager()),
            new Argument("userName", "String", endpoint.user()),
            new Argument("password", "String", endpoint.password())
        };
        try {
            // The answer (a UserSession) is not read: newer vCenters add fields that yavijava 6.0 cannot map.
            transport.invoke("Login", args, null);
        } catch (Exception e) {
            throw Faults.of("Logging in to " + endpoint.url() + " as '" + endpoint.user() + "'", e);
        }
    }

    void logout() {
        try {
            port.logout(refs.sessionManager());
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(Connection.class.getName())
                    .fine(() -> "Logging out of " + endpoint.url() + " failed: " + e);
        }
    }

    /** Seconds one WaitForUpdatesEx may block: safely below the read timeout. */
    int maxWaitSeconds(Duration remaining, int cap) {
        long readLimit = Math.max(1, endpoint.readTimeout().toSeconds() - 5);
        long wanted = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return (int) Math.min(Math.min(wanted, readLimit), cap);
    }
}
