package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a child costs vCenter: the SOAP requests from "fork requested" to "child ready with its IP", as the simulator
 * counts them over HTTP, for a Forker that has forked before (the steady state of a CI farm's open session). Every
 * request is a round trip and load on vCenter, so the count is behaviour a vSphere administrator notices.
 */
class RequestsPerChildTest {

    /** vmfork's target; a client that polls sends about twice as many. */
    private static final long MAX_REQUESTS = 12;

    @RegisterExtension
    static final VcsimExtension VMFORK = new VcsimExtension();

    @RegisterExtension
    static final VcsimExtension INSTANT_CLONE = new VcsimExtension("-api-version", "6.7");

    @RegisterExtension
    static final VcsimExtension RUNNING_CHILDREN = new VcsimExtension("-child-powered-on");

    @Test
    void aVmforkChildTakesAtMostTwelveRequests() {
        assertRequestsPerChild(VMFORK.vcsim(), ForkMode.VMFORK);
    }

    @Test
    void anInstantCloneTakesAtMostTwelveRequests() {
        assertRequestsPerChild(INSTANT_CLONE.vcsim(), ForkMode.INSTANT_CLONE);
    }

    @Test
    void aBuildThatLogsInAnewNeitherLooksTheParentUpAgainNorCreatesACollector() {
        Vcsim vcsim = VMFORK.vcsim();
        try (Forker earlierBuild = Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null)) {
            earlierBuild.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
            earlierBuild.destroy(earlierBuild.fork(Sims.child(vcsim).build()).id(), false);
        }
        vcsim.taskDelay(Duration.ofMillis(400));

        try (Forker build = Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null)) {
            Map<String, Long> before = vcsim.soapRequestsByMethod();
            Child child = build.fork(Sims.child(vcsim).build());
            Map<String, Long> requests = between(before, vcsim.soapRequestsByMethod());

            assertThat(vcsim.logins()).isEqualTo(2);
            assertThat(requests).doesNotContainKeys("CreateContainerView", "CreatePropertyCollector");
            assertThat(total(requests)).as("requests: %s", requests).isLessThanOrEqualTo(MAX_REQUESTS);
            build.destroy(child.id(), false);
        }
    }

    @Test
    void aVmforkChildThatComesBackRunningIsReadyWithoutItsStateBeingReadFirst() {
        Vcsim vcsim = RUNNING_CHILDREN.vcsim();
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.VMFORK, null)) {
            String parentIp = forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick())
                    .ip();

            Child child = forker.fork(Sims.child(vcsim).build());

            assertThat(child.ip()).isNotBlank().isNotEqualTo(parentIp);
            assertThat(vcsim.soapRequestsByMethod()).containsEntry("PowerOnVM_Task", 1L);
            assertThat(forker.destroy(child.id(), false)).isTrue();
        }
    }

    @Test
    void aParentReplacedByAnotherVmOfItsNameIsLookedUpAgain() {
        Vcsim vcsim = INSTANT_CLONE.vcsim();
        String name = ChildNames.generate("ic-replaced");
        String first = vcsim.createVm(name);
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.INSTANT_CLONE, null)) {
            forker.destroy(forker.fork(ChildSpec.builder(name).build()).id(), false);
            assertThat(forker.destroy(first, true)).isTrue();
            String second = vcsim.createVm(name);

            Child child = forker.fork(ChildSpec.builder(name).build());

            assertThat(second).isNotEqualTo(first);
            assertThat(child.parentId()).isEqualTo(second);
            assertThat(forker.destroy(child.id(), false)).isTrue();
            assertThat(forker.destroy(second, true)).isTrue();
        }
    }

    private static void assertRequestsPerChild(Vcsim vcsim, ForkMode mode) {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), mode, null)) {
            forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
            forker.destroy(forker.fork(Sims.child(vcsim).build()).id(), false);

            for (Duration taskDelay : new Duration[] {Duration.ZERO, Duration.ofMillis(400)}) {
                vcsim.taskDelay(taskDelay);
                for (int i = 0; i < 2; i++) {
                    Map<String, Long> before = vcsim.soapRequestsByMethod();
                    Child child = forker.fork(Sims.child(vcsim).build());
                    Map<String, Long> requests = between(before, vcsim.soapRequestsByMethod());

                    assertThat(child.ip()).isNotBlank();
                    assertThat(total(requests))
                            .as("requests for a child with tasks of %s: %s", taskDelay, requests)
                            .isLessThanOrEqualTo(MAX_REQUESTS);
                    forker.destroy(child.id(), false);
                }
            }
        }
    }

    private static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((method, n) -> {
            long d = n - before.getOrDefault(method, 0L);
            if (d != 0) {
                delta.put(method, d);
            }
        });
        return delta;
    }

    private static long total(Map<String, Long> requests) {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
