package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Instant Clone path of vSphere 6.7 and later. */
class InstantCloneTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension("-api-version", "6.7");

    private final Vcsim vcsim = VCSIM.vcsim();

    @Test
    void autoChoosesInstantCloneFreezesTheParentAndClonesAChild() {
        Recorder heard = new Recorder();
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, heard)) {
            assertThat(forker.about().mode()).isEqualTo(ForkMode.INSTANT_CLONE);
            assertThat(forker.about().apiVersion()).isEqualTo("6.7");

            ParentStatus parent = forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
            Child child = forker.fork(Sims.child(vcsim).name("ic-child-1").build());

            assertThat(parent.enabled()).isTrue();
            assertThat(parent.quiesced()).as("frozen").isTrue();
            assertThat(child.ip()).isNotBlank().isNotEqualTo(parent.ip());
            assertThat(forker.children(vcsim.parentName()))
                    .extracting(Child::name)
                    .containsExactly("ic-child-1");
            assertThat(forker.destroy(child.id(), false)).isTrue();
            assertThat(forker.children(null)).isEmpty();
        }
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("InstantClone_Task", 1L)
                .doesNotContainKeys("EnableForkParent_Task", "CreateForkChild_Task");
        assertThat(heard.lines()).anyMatch(l -> l.contains("instantclone.freeze"));
    }

    @Test
    void aRunningParentCanBeClonedWithoutFreezingAndAFrozenOneIsReset() {
        String parent = ChildNames.generate("ic-parent");
        vcsim.createVm(parent);
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.INSTANT_CLONE, null)) {
            Child child = forker.fork(ChildSpec.builder(parent).waitForIp(false).build());
            forker.enableParent(parent, Sims.guest(vcsim), Sims.quick());

            ParentStatus frozen = forker.parentStatus(parent);
            forker.disableParent(parent);

            assertThat(frozen.quiesced()).isTrue();
            assertThat(vcsim.soapRequestsByMethod()).containsEntry("ResetVM_Task", 1L);
            assertThat(forker.destroy(child.name(), false)).isTrue();
        }
    }

    @Test
    void aCloneShowingItsParentsIpAtFirstIsReportedWithItsOwn() {
        vcsim.childStaleIp(Duration.ofSeconds(1));
        String parent = ChildNames.generate("ic-stale");
        vcsim.createVm(parent);
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.INSTANT_CLONE, null)) {
            String parentIp = forker.parentStatus(parent).ip();

            Child child = forker.fork(ChildSpec.builder(parent)
                    .timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20))
                    .build());

            assertThat(parentIp).isNotBlank();
            assertThat(child.ip()).isNotBlank().isNotEqualTo(parentIp);
            assertThat(forker.destroy(child.id(), false)).isTrue();
        }
    }

    @Test
    void vmforkIsStillOfferedOn67ButNotOn70() {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null)) {
            assertThat(forker.about().mode()).isEqualTo(ForkMode.VMFORK);
        }
        vcsim.apiVersion("7.0");

        VmforkException e = failure(() -> Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null));

        assertThat(e.getMessage())
                .contains("VMFork needs")
                .contains("7.0")
                .contains("choose mode instant-clone or auto");
    }
}
