package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a build's request becomes a child: its name, its tags and its deadlines. */
class ChildRequestTest {

    private final VCenterConfig lab = new VCenterConfig("lab", "https://vc.example.com", "vc-ci");

    @Test
    void childrenAreNamedAfterTheJobAndBuild() {
        String name = request(null, false).childName(lab, "team/web app#42");

        assertThat(name).matches("team-web-app-42-[a-z0-9]{6}");
    }

    @Test
    void theVcentersPrefixReplacesTheJobName() {
        lab.setChildNamePrefix("ci");

        assertThat(request(null, false).childName(lab, "app#1")).matches("ci-[a-z0-9]{6}");
        assertThat(request("fixed-name", false).childName(lab, "app#1")).isEqualTo("fixed-name");
        assertThatThrownBy(() -> request("no/slash", false).childName(lab, "app#1"))
                .isInstanceOf(VmforkException.class)
                .hasMessageContaining("'no/slash'");
    }

    @Test
    void theSpecCarriesTheOwnerTheBuildAndTheDeadlines() {
        lab.setForkTimeoutSeconds(120);

        ChildSpec spec = request(null, false).spec(lab, "c-1", "jenkins-1", "team/app#42");

        assertThat(spec.owner()).isEqualTo("jenkins-1");
        assertThat(spec.job()).isEqualTo("team/app");
        assertThat(spec.build()).isEqualTo("42");
        assertThat(spec.forkTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(spec.configParams()).containsEntry("guestinfo.role", "db");
    }

    @Test
    void keptChildrenCarryAnOwnerThatNoSweepTakes() {
        ChildSpec spec = request(null, true).spec(lab, "c-1", "jenkins-1", "app#1");

        assertThat(spec.owner()).isEqualTo("jenkins-1-kept");
    }

    private static ChildRequest request(String name, boolean keep) {
        return new ChildRequest(
                "ci-parent",
                null,
                name,
                false,
                Map.of("guestinfo.role", "db"),
                null,
                null,
                null,
                true,
                null,
                null,
                keep);
    }
}
