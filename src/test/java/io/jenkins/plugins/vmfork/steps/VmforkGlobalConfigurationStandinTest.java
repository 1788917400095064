package io.jenkins.plugins.vmfork.steps;

import static io.jenkins.plugins.vmfork.steps.VCenterListTest.vcenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import hudson.model.Descriptor.FormException;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The global configuration's binding, with the stand-in's request (whose only method is the binding). Needs the
 * stand-in: not compiled under the jenkins-repo profile.
 */
class VmforkGlobalConfigurationStandinTest {

    private final VmforkGlobalConfiguration config = new VmforkGlobalConfiguration();

    @Test
    void theListBindsThroughItsSetterAndReadsBackThroughItsGetter() {
        List<VCenterConfig> vcenters = List.of(vcenter("lab"), vcenter("prod"));

        config.setVcenters(vcenters);

        assertThat(config.getVcenters()).containsExactlyElementsOf(vcenters);
        assertThat(config.vcenter("prod")).isSameAs(vcenters.get(1));
        assertThatThrownBy(() -> config.getVcenters().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFormWithoutVCentersDeletesTheLastOne() throws Exception {
        config.setVcenters(List.of(vcenter("lab")));

        // A form whose repeatable list is empty carries no list at all, so binding sets nothing.
        config.configure((bean, json) -> {}, new JSONObject());

        assertThat(config.getVcenters()).isEmpty();
    }

    @Test
    void aRefusedFormKeepsTheSavedListAndShowsWhy() {
        config.setVcenters(List.of(vcenter("lab")));

        FormException e = catchThrowableOfType(
                FormException.class,
                () -> config.configure(
                        (bean, json) ->
                                ((VmforkGlobalConfiguration) bean).setVcenters(List.of(vcenter("a"), vcenter("a"))),
                        new JSONObject()));

        assertThat(e).hasMessageContaining("Two vCenters are named 'a'");
        assertThat(config.getVcenters()).extracting(VCenterConfig::getName).containsExactly("lab");
    }
}
