package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole VMFork path against the simulator (API 6.5): enable, quiesce, fork, list, destroy. */
class VmforkPathTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @Test
    void enableQuiesceForkAndDestroy() {
        Vcsim vcsim = VCSIM.vcsim();
        Recorder heard = new Recorder();
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, heard)) {
            assertThat(forker.about().mode()).isEqualTo(ForkMode.VMFORK);

            ParentStatus parent = forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
            assertThat(parent.enabled()).isTrue();
            assertThat(parent.quiesced()).isTrue();

            Child child = forker.fork(Sims.child(vcsim).build());
            assertThat(child.name()).startsWith("vmfork-");
            assertThat(child.id()).startsWith("vm-");
            assertThat(child.ip()).isNotBlank();
            assertThat(child.parentName()).isEqualTo(vcsim.parentName());
            assertThat(forker.children(vcsim.parentName()))
                    .extracting(Child::id)
                    .containsExactly(child.id());

            assertThat(forker.destroy(child.id(), false)).isTrue();
            assertThat(forker.destroy(child.id(), false)).isFalse();
            assertThat(forker.children(vcsim.parentName())).isEmpty();
        }
        System.out.println(String.join("\n", heard.lines()));
        System.out.println(vcsim.soapRequestsByMethod());
    }
}
