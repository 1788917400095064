package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured vCenters as a whole: unique names, and how a step picks one by name. */
class VCenterListTest {

    @Test
    void twoVCentersMayNotShareANameWhateverItsCase() {
        assertThatThrownBy(() -> VCenterList.validated(List.of(vcenter("lab"), vcenter("LAB"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two vCenters are named 'LAB'");
    }

    @Test
    void anEntryThatCannotConnectIsRefusedByName() {
        VCenterConfig pinned = vcenter("lab");
        pinned.setTrust(Trust.Kind.PINNED);

        assertThatThrownBy(() -> VCenterList.validated(List.of(pinned)))
                .hasMessageContaining("vCenter 'lab'")
                .hasMessageContaining("SHA-256 thumbprint");
    }

    @Test
    void noListIsAnEmptyOne() {
        assertThat(VCenterList.validated(null)).isEmpty();
    }

    @Test
    void aStepWithoutANameGetsTheOnlyVCenter() {
        List<VCenterConfig> one = List.of(vcenter("lab"));

        assertThat(VCenterList.select(one, null).getName()).isEqualTo("lab");
        assertThat(VCenterList.select(one, " ").getName()).isEqualTo("lab");
    }

    @Test
    void aStepNamesOneOfSeveralIgnoringCase() {
        List<VCenterConfig> two = List.of(vcenter("lab"), vcenter("prod"));

        assertThat(VCenterList.select(two, "Prod").getName()).isEqualTo("prod");
        assertThat(usageError(() -> VCenterList.select(two, null)))
                .contains("Several vCenters", "lab, prod", "vcenter: 'lab'");
        assertThat(usageError(() -> VCenterList.select(two, "test"))).contains("'test'", "Configured: lab, prod");
    }

    @Test
    void withoutVCentersTheStepIsToldWhereToAddOne() {
        assertThat(usageError(() -> VCenterList.select(List.of(), null)))
                .contains("No vCenter is configured", "Manage Jenkins");
        assertThat(usageError(() -> VCenterList.select(List.of(), "lab"))).contains("'lab'", "none");
    }

    private static String usageError(Runnable call) {
        VmforkException e = catchThrowableOfType(VmforkException.class, call::run);
        assertThat(e.kind()).isEqualTo(VmforkException.Kind.USAGE);
        return e.getMessage();
    }

    static VCenterConfig vcenter(String name) {
        return new VCenterConfig(name, "https://" + name + ".example.com/sdk", name + "-credentials");
    }
}
