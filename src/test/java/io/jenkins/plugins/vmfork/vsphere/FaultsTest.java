package io.jenkins.plugins.vmfork.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.LocalizedMethodFault;
import io.jenkins.plugins.vmfork.vsphere.VimException.Kind;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Faults and I/O errors become one line: what failed, vCenter's text, the fault type and what to do. */
class FaultsTest {

    @Test
    void invalidLoginIsALoginErrorWithVCentersText() {
        VimException e =
                Faults.of("Logging in to https://vc/sdk as 'ci'", fault("InvalidLogin", "Cannot complete login", ""));

        assertThat(e.kind()).isEqualTo(Kind.LOGIN);
        assertThat(e.fault()).isEqualTo("InvalidLogin");
        assertThat(e.getMessage())
                .isEqualTo("Logging in to https://vc/sdk as 'ci' failed: Cannot complete login "
                        + "(InvalidLogin); check the user name and password");
    }

    @Test
    void missingPrivilegesAreNamed() {
        VimException e = Faults.of(
                "Running 'x' in p",
                fault(
                        "NoPermission",
                        "Permission to perform this " + "operation was denied.",
                        "<object type=\"VirtualMachine\">vm-1</object>"
                                + "<privilegeId>VirtualMachine.GuestOperations.Execute</privilegeId>"));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage())
                .contains("denied.")
                .contains("privilege VirtualMachine.GuestOperations.Execute")
                .doesNotContain("\n");
    }

    @Test
    void anEndedSessionIsNotMistakenForAMissingPrivilege() {
        VimException e = Faults.of(
                "Reading VM vm-1",
                fault(
                        "NotAuthenticated",
                        "The session is not authenticated.",
                        "<object type=\"VirtualMachine\">vm-1</object><privilegeId>System.View</privilegeId>"));

        assertThat(e.fault()).isEqualTo("NotAuthenticated");
        assertThat(e.getMessage())
                .startsWith("Reading VM vm-1 failed: The session is not authenticated. (NotAuthenticated); vCenter "
                        + "ended the session, and again right after vmfork logged in anew")
                .doesNotContain("privilege");
    }

    @Test
    void busyParentsAreRefusalsThatCanBeRetried() {
        VimException e = Faults.of("Forking c from p", fault("TaskInProgress", "Another task is in progress.", ""));

        assertThat(e.isFault("TaskInProgress")).isTrue();
        assertThat(Faults.is(e, "FileLocked", "TaskInProgress")).isTrue();
        assertThat(e.getMessage()).contains("try again");
    }

    @Test
    void failedTasksCarryTheirLocalizedMessage() {
        LocalizedMethodFault error = new LocalizedMethodFault();
        error.setFault(new com.vmware.vim25.InvalidState());
        error.setLocalizedMessage("The operation is not allowed\n in the current state.");

        VimException e = Faults.ofTask("Forking c from p", error);

        assertThat(e.getMessage())
                .isEqualTo("Forking c from p failed: The operation is not allowed in the current "
                        + "state. (InvalidState)");
    }

    @Test
    void faultsNewerThanYavijavaKeepTheirTypeAndText() {
        VimException e = Faults.of("Forking c", fault("VmFrozenByPolicy", "Frozen <by> policy", ""));

        assertThat(e.fault()).isEqualTo("VmFrozenByPolicy");
        assertThat(e.getMessage()).isEqualTo("Forking c failed: Frozen <by> policy (VmFrozenByPolicy)");
    }

    @Test
    void anAnswerWithATypeYavijavaLacksIsReportedAsUnreadableNotAsAConnectionError() throws Exception {
        String xml = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/"
                + "envelope/\"><soapenv:Body><LoginResponse xmlns=\"urn:vim25\"><returnval><key>k</key>"
                + "<fieldOfVSphere9>x</fieldOfVSphere9></returnval></LoginResponse></soapenv:Body></soapenv:Envelope>";
        Exception thrown = null;
        try {
            transport().unMarshall("UserSession", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            thrown = e;
        }

        VimException e = Faults.of("Logging in", thrown);

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).startsWith("Logging in failed: vCenter's answer could not be read");
    }

    @Test
    void untrustedCertificatesShowThePresentedThumbprint() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new TlsTrust.UntrustedCertificate("AB:CD", true, null));

        VimException e = Faults.of("Connecting to https://vc/sdk", new RemoteException("post failed", handshake));

        assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(e.getMessage()).contains("SHA-256 thumbprint AB:CD").contains("pinned");
    }

    @Test
    void slowAndUnreachableVCentersAreTimeoutAndConnectionErrors() {
        VimException slow =
                Faults.of("Reading VM vm-1", new RemoteException("x", new SocketTimeoutException("Read timed out")));
        VimException down = Faults.of(
                "Connecting to https://vc/sdk", new RemoteException("x", new ConnectException("Connection refused")));

        assertThat(slow.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(slow.getMessage()).contains("Read timed out");
        assertThat(down.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(down.getMessage()).contains("Connection refused").contains("check the vCenter URL");
    }

    /** A SOAP fault as vCenter sends it, read by the transport as every answer is. */
    private static Exception fault(String type, String text, String fields) {
        String xml = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/"
                + "envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>ServerFaultCode</faultcode><faultstring>"
                + text.replace("<", "&lt;").replace(">", "&gt;")
                + "</faultstring><detail><" + type + "Fault xmlns=\"urn:vim25\" xsi:type=\"" + type + "\">" + fields
                + "</" + type + "Fault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        try {
            transport()
                    .unMarshall(
                            "ManagedObjectReference", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            throw new AssertionError("a fault answer must throw");
        } catch (Exception e) {
            return e;
        }
    }

    private static SoapTransport transport() throws java.io.IOException {
        return new SoapTransport(new Endpoint(
                "http://127.0.0.1:1/sdk",
                "u",
                "p",
                Endpoint.Tls.JVM,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
    }
}
