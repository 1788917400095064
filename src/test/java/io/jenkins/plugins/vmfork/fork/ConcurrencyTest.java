package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Twenty builds at once ask for a child of the same parent. */
class ConcurrencyTest {

    private static final int CHILDREN = 20;

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    @Test
    void twentyConcurrentForksShareOneEnableAndQuiesceAndAllAreDestroyed() throws Exception {
        Vcsim vcsim = VCSIM.vcsim();
        String parent = ChildNames.generate("busy-parent");
        vcsim.createVm(parent);
        ExecutorService pool = Executors.newFixedThreadPool(CHILDREN);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Child>> forks = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i++) {
                String build = String.valueOf(i);
                forks.add(pool.submit(() -> forkAs(vcsim, parent, build, start)));
            }
            start.countDown();
            List<Child> children = new ArrayList<>();
            for (Future<Child> fork : forks) {
                children.add(fork.get(60, TimeUnit.SECONDS));
            }

            assertThat(new HashSet<>(children.stream().map(Child::id).toList())).hasSize(CHILDREN);
            assertThat(new HashSet<>(children.stream().map(Child::ip).toList())).hasSize(CHILDREN);
            assertThat(vcsim.soapRequestsByMethod())
                    .containsEntry("EnableForkParent_Task", 1L)
                    .containsEntry("StartProgramInGuest", 1L)
                    .containsEntry("CreateForkChild_Task", (long) CHILDREN);
            assertThat(vcsim.logins()).isEqualTo(1);

            destroyAll(vcsim, pool, children);
        } finally {
            pool.shutdownNow();
        }
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            assertThat(forker.children(parent)).isEmpty();
            assertThat(forker.parentStatus(parent).children()).isEmpty();
        }
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", (long) CHILDREN);
    }

    /** One build: its own Forker (sessions are shared underneath), enable-and-quiesce, fork. */
    private static Child forkAs(Vcsim vcsim, String parent, String build, CountDownLatch start) throws Exception {
        start.await();
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            forker.enableParent(parent, Sims.guest(vcsim), Sims.quick());
            return forker.fork(
                    ChildSpec.builder(parent).tags("owner", "job", build).build());
        }
    }

    private static void destroyAll(Vcsim vcsim, ExecutorService pool, List<Child> children) throws Exception {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            List<Future<Boolean>> destroys = new ArrayList<>();
            for (Child child : children) {
                destroys.add(pool.submit(() -> forker.destroy(child.id(), false)));
            }
            for (Future<Boolean> destroy : destroys) {
                assertThat(destroy.get(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
