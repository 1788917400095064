package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.vmfork.steps.StandinStepContext.Pipeline;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vmforkEnableParent} through its real execution against the simulator: it enables and quiesces a fresh parent
 * with the guest account from credentials, is a no-op on a ready parent, and refuses missing or wrongly typed
 * credentials with a message that names them.
 */
class VmforkEnableParentStepStandinTest extends StandinFixture {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @Test
    void enablesAndQuiescesTheParentAndReturnsItsStatus() throws Exception {
        String parentId = VCSIM.vcsim().createVm("enable-me");
        Pipeline pipeline = run(step("enable-me", StandinServices.GUEST_ID));

        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) pipeline.awaitOutcome();

        assertThat(status)
                .containsEntry("name", "enable-me")
                .containsEntry("id", parentId)
                .containsEntry("enabled", true)
                .containsEntry("quiesced", true)
                .containsEntry("children", List.of())
                .containsEntry("vcenter", StandinServices.VCENTER);
        assertThat(pipeline.log.text())
                .contains("Enabled enable-me as a fork parent in ")
                .contains("Quiesced parent");
        assertThat(services.tracked).contains(StandinServices.GUEST_ID, StandinServices.LOGIN_ID);
    }

    @Test
    void aReadyParentIsLeftAsItIs() throws Exception {
        services.prepareParent();
        VCSIM.vcsim().reset();

        Pipeline pipeline = run(step(VCSIM.vcsim().parentName(), StandinServices.GUEST_ID));

        assertThat(pipeline.awaitOutcome())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("quiesced", true);
        assertThat(pipeline.log.text()).contains("is already quiesced");
        assertThat(VCSIM.vcsim().soapRequestsByMethod()).doesNotContainKey("StartProgramInGuest");
    }

    @Test
    void missingCredentialsAreNamedWithTheTypeExpected() throws Exception {
        Pipeline pipeline = run(step(VCSIM.vcsim().parentName(), "no-such-id"));

        Throwable failure = pipeline.awaitFailure();

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("'no-such-id'")
                .hasMessageContaining("'Username with password'");
    }

    @Test
    void credentialsOfAnotherTypeAreNamedWithTheirType() throws Exception {
        services.credentials.put("a-file", new StandinServices.SecretFile("a-file"));

        Throwable failure = run(step(VCSIM.vcsim().parentName(), "a-file")).awaitFailure();

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("'a-file' are SecretFile")
                .hasMessageContaining("'Username with password'");
    }

    @Test
    void aParentThatDoesNotExistIsARefusalWithoutStackTrace() throws Exception {
        Throwable failure = run(step("no-such-vm", null)).awaitFailure();

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("no-such-vm")
                .hasNoCause();
    }

    private static VmforkEnableParentStep step(String parent, String guestCredentialsId) {
        VmforkEnableParentStep step = new VmforkEnableParentStep(parent);
        step.setGuestCredentialsId(guestCredentialsId);
        return step;
    }

    private Pipeline run(VmforkEnableParentStep step) throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("prepare", 1), false);
        step.start(new StandinStepContext(pipeline)).start();
        return pipeline;
    }
}
