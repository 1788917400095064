package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.VmforkException.Kind;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destroying children: idempotent, only tagged ones, sweeps, and after an interrupted fork. */
class CleanupTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    private final Vcsim vcsim = VCSIM.vcsim();
    private final Recorder heard = new Recorder();
    private final Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, heard);

    @BeforeEach
    void prepareParent() {
        forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
        vcsim.reset();
    }

    @AfterEach
    void close() {
        forker.close();
    }

    @Test
    void destroyingIsIdempotentByIdNameOrPath() {
        Child byId = forker.fork(Sims.child(vcsim).build());
        Child byName = forker.fork(Sims.child(vcsim).build());
        Child byPath = forker.fork(Sims.child(vcsim).build());

        assertThat(forker.destroy(byId.id(), false)).isTrue();
        assertThat(forker.destroy(byName.name(), false)).isTrue();
        assertThat(forker.destroy("/DC0/vm/" + byPath.name(), false)).isTrue();

        assertThat(forker.destroy(byId.id(), false)).isFalse();
        assertThat(forker.destroy(byName.name(), false)).isFalse();
        assertThat(forker.children(null)).isEmpty();
        assertThat(heard.lines()).anyMatch(l -> l.startsWith("Destroyed " + byId.name() + " (" + byId.id() + ")"));
    }

    @Test
    void anUntaggedVmIsDestroyedOnlyWhenForced() {
        String name = ChildNames.generate("plain");
        String id = vcsim.createVm(name);

        VmforkException e = failure(() -> forker.destroy(id, false));

        assertThat(e.kind()).isEqualTo(Kind.USAGE);
        assertThat(e.getMessage()).contains(name).contains("no vmfork tags").contains("force");
        assertThat(forker.destroy(id, true)).isTrue();
        assertThat(forker.destroy(id, true)).isFalse();
    }

    @Test
    void aSweepDestroysOnlyTheMatchingTaggedChildren() {
        Child one = forker.fork(
                Sims.child(vcsim).tags("owner-1", "job", "1").waitForIp(false).build());
        Child two = forker.fork(
                Sims.child(vcsim).tags("owner-1", "job", "2").waitForIp(false).build());
        Child other = forker.fork(
                Sims.child(vcsim).tags("owner-2", "job", "1").waitForIp(false).build());
        String untagged = vcsim.createVm(ChildNames.generate("plain"));
        SweepCriteria ownBuilds =
                SweepCriteria.childrenOf(vcsim.parentName()).ownedBy("owner-1").ofBuilds("job", Set.of("1", "2"));

        assertThat(forker.sweep(ownBuilds.listOnly()))
                .extracting(Child::id)
                .containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(forker.sweep(SweepCriteria.childrenOf(null).olderThan(Duration.ofHours(1))))
                .isEmpty();
        assertThat(forker.sweep(ownBuilds)).extracting(Child::id).containsExactlyInAnyOrder(one.id(), two.id());

        assertThat(forker.children(null)).extracting(Child::id).containsExactly(other.id());
        assertThat(forker.sweep(SweepCriteria.childrenOf(null))).hasSize(1);
        assertThat(forker.destroy(untagged, true)).isTrue();
    }

    @Test
    void anInterruptDuringTheForkTaskLeavesNothingBehind() throws Exception {
        vcsim.taskDelay(Duration.ofMillis(1000));

        VmforkException e = interruptedFork(Duration.ofMillis(300));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(forker.children(null)).isEmpty();
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("CreateForkChild_Task", 1L)
                .containsEntry("Destroy_Task", 1L);
    }

    @Test
    void anInterruptAfterTheChildExistsLeavesNothingBehind() throws Exception {
        vcsim.taskDelay(Duration.ofMillis(1000));
        // The child runs at once when powered on; it waits for an IP of its own until after the interrupt.
        vcsim.childStaleIp(Duration.ofSeconds(3));

        VmforkException e = interruptedFork(Duration.ofMillis(1400));

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(forker.children(null)).isEmpty();
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", 1L);
    }

    /** Forks on another thread, interrupts it after a while, and returns what the fork threw. */
    private VmforkException interruptedFork(Duration after) throws InterruptedException {
        AtomicReference<VmforkException> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread forking = new Thread(() -> {
            try {
                forker.fork(Sims.child(vcsim).build());
            } catch (VmforkException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        forking.start();
        Thread.sleep(after.toMillis());
        forking.interrupt();
        forking.join(30_000);

        assertThat(forking.isAlive()).isFalse();
        assertThat(stillInterrupted)
                .as("the interrupt flag is kept for the caller")
                .isTrue();
        return thrown.get();
    }
}
