package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.VmforkException.Kind;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fork that fails after its child exists destroys the child, trying again when vCenter refuses or the session ends
 * meanwhile; a child it still cannot destroy is handed to the caller as data, to be destroyed later.
 */
class ForkCleanupTest extends EnabledParentTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    ForkCleanupTest() {
        super(VCSIM.vcsim());
    }

    @Test
    void aChildWhoseDestroyFailsAfterAFailedPowerOnIsDestroyedOnAnotherTry() {
        vcsim.failNextTask("PowerOnVM_Task", "SystemError", 1);
        vcsim.failNextTask("Destroy_Task", "SystemError", 2);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(e.getMessage()).startsWith("Powering on").contains("(SystemError)");
        assertThat(e.leftover()).isEmpty();
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", 3L);
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aPowerOffThatFailsDuringTheCleanupIsTriedAgain() {
        vcsim.failNext("StartProgramInGuest", "GuestOperationsUnavailable", 1);
        vcsim.failNextTask("PowerOffVM_Task", "SystemError", 1);
        vcsim.failNext("PowerOffVM_Task", "HostCommunication", 1);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim)
                .postForkCommand("/bin/true", Sims.guest(vcsim))
                .build()));

        assertThat(e.fault()).isEqualTo("GuestOperationsUnavailable");
        assertThat(e.leftover()).isEmpty();
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("PowerOffVM_Task", 3L)
                .containsEntry("Destroy_Task", 1L);
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aSessionEndingDuringTheCleanupAndAgainAfterTheNewLoginDoesNotLeaveTheChild() {
        long loginsBefore = vcsim.logins();
        vcsim.failNextTask("PowerOnVM_Task", "SystemError", 1);
        vcsim.failNext("Destroy_Task", "NotAuthenticated", 2);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(e.leftover()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("privilege");
        assertThat(vcsim.logins() - loginsBefore)
                .as("a new login after the first NotAuthenticated")
                .isEqualTo(1);
        assertThat(vcsim.soapRequestsByMethod())
                .as("tried again after the second")
                .containsEntry("Destroy_Task", 3L);
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aChildThatCannotBeDestroyedIsHandedToTheCallerToDestroyLater() {
        vcsim.failNextTask("PowerOnVM_Task", "SystemError", 1);
        vcsim.failNextTask("Destroy_Task", "SystemError", 20);
        String parentId = forker.parentStatus(vcsim.parentName()).id();

        VmforkException e = failure(() -> forker.fork(
                Sims.child(vcsim).name("leaked-1").tags("owner-1", "job", "7").build()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).startsWith("Powering on leaked-1");
        assertThat(e.leftover()).get().satisfies(left -> {
            assertThat(left.name()).isEqualTo("leaked-1");
            assertThat(left.id()).matches("vm-\\d+");
            assertThat(left.parentId()).isEqualTo(parentId);
            assertThat(left.job()).isEqualTo("job");
            assertThat(left.build()).isEqualTo("7");
        });
        assertThat(e.getSuppressed())
                .singleElement()
                .satisfies(also -> assertThat(also.getMessage())
                        .startsWith("Child leaked-1 (" + e.leftover().get().id() + ") could not be destroyed"));
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", 1L + Retry.MAX_CLEANUP_RETRIES);

        vcsim.reset();
        assertThat(forker.destroy(e.leftover().get().id(), false)).isTrue();
    }

    @Test
    void aRefusedLoginDuringTheCleanupIsNotTriedAgain() {
        vcsim.failNextTask("PowerOnVM_Task", "SystemError", 1);
        vcsim.failNext("Destroy_Task", "NotAuthenticated", 1);
        vcsim.failNext("Login", "InvalidLogin", 5);

        VmforkException e =
                failure(() -> forker.fork(Sims.child(vcsim).name("locked-out-1").build()));

        assertThat(e.leftover()).get().extracting(Child::name).isEqualTo("locked-out-1");
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Login", 1L).containsEntry("Destroy_Task", 1L);
    }
}
