package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.ws.CustomSSLTrustContextCreator;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in to the simulator with yavijava 6.0.05, sessions, and the request counts of the control endpoint. */
class VcsimLoginTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @Test
    void logsInOverHttpsPinnedToThePrintedThumbprintAndFindsTheParent() throws Exception {
        Vcsim vcsim = VCSIM.vcsim();
        assertThat(vcsim.url()).startsWith("https://127.0.0.1:").endsWith("/sdk");
        assertThat(vcsim.thumbprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        ServiceInstance si = Soap.login(vcsim);
        try {
            assertThat(si.getAboutInfo().getApiVersion()).isEqualTo("6.5");
            assertThat(si.getAboutInfo().getApiType()).isEqualTo("VirtualCenter");
            VirtualMachine parent = Soap.vm(si, vcsim.parentName());
            assertThat(parent.getPropertyByPath("runtime.powerState").toString())
                    .isEqualTo("poweredOn");
            assertThat(parent.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
            assertThat(parent.getPropertyByPath("guest.guestOperationsReady")).isEqualTo(true);
            assertThat((String) parent.getPropertyByPath("guest.ipAddress")).matches("10\\.118\\.\\d+\\.\\d+");
        } finally {
            si.getServerConnection().logout();
        }
    }

    @Test
    void refusesACertificateWithAnotherThumbprint() {
        Vcsim vcsim = VCSIM.vcsim();
        String other = vcsim.thumbprint().startsWith("00")
                ? "11" + vcsim.thumbprint().substring(2)
                : "00" + vcsim.thumbprint().substring(2);

        CustomSSLTrustContextCreator.setContextAlreadyCreated(false);
        assertThatThrownBy(() -> new ServiceInstance(
                        new URL(vcsim.url()), vcsim.user(), vcsim.password(), new Soap.PinnedTrust(other)))
                .hasStackTraceContaining("is not the pinned one");
    }

    @Test
    void refusesAWrongPassword() {
        Vcsim vcsim = VCSIM.vcsim();

        assertThatThrownBy(() -> Soap.login(vcsim, vcsim.user(), vcsim.password() + "x"))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidLogin"));
    }

    @Test
    void logsInOverPlainHttpWithAPasswordOfXmlCharactersSpacesAndNonAscii() throws Exception {
        String password = "a&b<c>d\"e'f g ünï 漢";
        try (Vcsim vcsim = Vcsim.start("-http", "-password", password)) {
            assertThat(vcsim.url()).startsWith("http://127.0.0.1:");
            assertThat(vcsim.thumbprint()).isNull();
            assertThat(vcsim.password()).isEqualTo(password);

            ServiceInstance si = Soap.login(vcsim, vcsim.user(), password);

            assertThat(Soap.vm(si, vcsim.parentName()).getName()).isEqualTo(vcsim.parentName());
            si.getServerConnection().logout();
        }
    }

    @Test
    void anEsxHostIsAHostAgentWithTheParentToo() throws Exception {
        try (Vcsim esx = Vcsim.start("-esx", "-http")) {
            ServiceInstance si = Soap.login(esx);

            assertThat(si.getAboutInfo().getApiType()).isEqualTo("HostAgent");
            assertThat(Soap.vm(si, esx.parentName())
                            .getPropertyByPath("runtime.powerState")
                            .toString())
                    .isEqualTo("poweredOn");
            si.getServerConnection().logout();
        }
    }

    @Test
    void theApiVersionCanBeChangedWhileRunningAndResetPutsItBack() throws Exception {
        Vcsim vcsim = VCSIM.vcsim();

        vcsim.apiVersion("6.7");
        ServiceInstance si = Soap.login(vcsim);
        assertThat(si.getAboutInfo().getApiVersion()).isEqualTo("6.7");
        si.getServerConnection().logout();

        vcsim.reset();
        si = Soap.login(vcsim);
        assertThat(si.getAboutInfo().getApiVersion()).isEqualTo("6.5");
        si.getServerConnection().logout();
    }

    @Test
    void expiredSessionsAnswerNotAuthenticatedAndALoginStartsANewOne() throws Exception {
        Vcsim vcsim = VCSIM.vcsim();
        ServiceInstance si = Soap.login(vcsim);
        VirtualMachine parent = Soap.vm(si, vcsim.parentName());

        assertThat(vcsim.expireSessions()).isPositive();

        assertThat(vcsim.openSessions()).isZero();
        assertThatThrownBy(si::currentTime)
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("NotAuthenticated"));
        assertThatThrownBy(() -> ForkCalls.enable(si, parent))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("NotAuthenticated"));
        assertThatThrownBy(() -> parent.getPropertyByPath("name"))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("NotAuthenticated"));
        ServiceInstance again = Soap.login(vcsim);
        assertThat(again.currentTime()).isNotNull();
        again.getServerConnection().logout();
    }

    @Test
    void countsSoapRequestsByMethodLoginsLogoutsAndOpenSessions() throws Exception {
        Vcsim vcsim = VCSIM.vcsim();
        vcsim.reset();

        ServiceInstance first = Soap.login(vcsim);
        ServiceInstance second = Soap.login(vcsim);
        first.currentTime();
        first.currentTime();
        first.currentTime();
        assertThat(vcsim.openSessions()).isEqualTo(2);
        first.getServerConnection().logout();

        assertThat(vcsim.logins()).isEqualTo(2);
        assertThat(vcsim.logouts()).isEqualTo(1);
        assertThat(vcsim.openSessions()).isEqualTo(1);
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("CurrentTime", 3L)
                .containsEntry("Login", 2L)
                .containsEntry("Logout", 1L)
                .containsKey("RetrieveServiceContent");
        assertThat(vcsim.soapRequests())
                .isEqualTo(vcsim.soapRequestsByMethod().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        second.getServerConnection().logout();
    }
}
