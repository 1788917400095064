package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that fork from the simulator's parent by VMFork: each starts with the parent enabled and quiesced and no
 * fault injected, and ends by checking, with the faults gone, that no child is left.
 */
abstract class EnabledParentTest {

    final Vcsim vcsim;
    final Forker forker;

    EnabledParentTest(Vcsim vcsim) {
        this.vcsim = vcsim;
        this.forker = Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null);
    }

    @BeforeEach
    void prepareParent() {
        forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
        vcsim.reset();
    }

    @AfterEach
    void noChildLeft() {
        try {
            vcsim.reset();
            forker.sweep(SweepCriteria.childrenOf(null));
            assertThat(forker.children(null)).isEmpty();
        } finally {
            forker.close();
        }
    }
}
