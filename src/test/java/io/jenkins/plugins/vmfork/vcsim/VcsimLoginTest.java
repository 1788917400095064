package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in to the simulator with yavijava 6.0.05 over HTTPS pinned to the printed thumbprint. */
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
            VirtualMachine parent = Soap.vm(si, vcsim.parentName());
            assertThat(parent.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
            assertThat(parent.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
            assertThat((String) parent.getPropertyByPath("guest.ipAddress")).matches("10\\.118\\.\\d+\\.\\d+");
        } finally {
            si.getServerConnection().logout();
        }
    }

    @Test
    void refusesAWrongPassword() {
        Vcsim vcsim = VCSIM.vcsim();

        assertThatThrownBy(() -> Soap.login(vcsim, vcsim.user(), vcsim.password() + "x"))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidLogin"));
    }
}
