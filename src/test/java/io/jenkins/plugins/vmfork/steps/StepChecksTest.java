package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The step parameters people write by hand: modes, ages, timeouts, and the message when one is wrong. */
class StepChecksTest {

    @Test
    void modesAreReadAsPeopleWriteThem() {
        assertThat(StepChecks.mode("instantClone")).isEqualTo(ForkMode.INSTANT_CLONE);
        assertThat(StepChecks.mode("instant-clone")).isEqualTo(ForkMode.INSTANT_CLONE);
        assertThat(StepChecks.mode("VMFORK")).isEqualTo(ForkMode.VMFORK);
        assertThat(StepChecks.mode(" auto ")).isEqualTo(ForkMode.AUTO);
        assertThat(StepChecks.mode("")).isNull();
        assertThatThrownBy(() -> StepChecks.mode("linked"))
                .hasMessageContaining("'linked'")
                .hasMessageContaining("instantClone");
    }

    @Test
    void agesInShortFormOrIso() {
        assertThat(StepChecks.age("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(StepChecks.age("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(StepChecks.age("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(StepChecks.age("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(StepChecks.age("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(StepChecks.age("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(StepChecks.age(null)).isNull();
        assertThatThrownBy(() -> StepChecks.age("-PT1H")).hasMessageContaining("'-PT1H'");
        assertThatThrownBy(() -> StepChecks.age("yesterday")).hasMessageContaining("2h");
    }

    @Test
    void timeoutsAreBounded() {
        assertThat(StepChecks.timeoutSeconds(1)).isEqualTo(1);
        assertThatThrownBy(() -> StepChecks.timeoutSeconds(0)).hasMessageContaining("Timeout 0");
        assertThatThrownBy(() -> StepChecks.timeoutSeconds(StepChecks.MAX_TIMEOUT_SECONDS + 1))
                .hasMessageContaining("out of range");
    }

    @Test
    void aParentIsRequired() {
        assertThatThrownBy(() -> new VmforkChildStep(" ")).hasMessageContaining("parent VM");
        assertThat(new VmforkChildStep(" ci-parent ").getParent()).isEqualTo("ci-parent");
    }
}
