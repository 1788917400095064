package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.VmforkException.Kind;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Forking children by VMFork: what they come back as, and every refusal and fault on the way. */
class ChildTest extends EnabledParentTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    ChildTest() {
        super(VCSIM.vcsim());
    }

    @Test
    void aChildIsTaggedPoweredOnAndHasAnIpOtherThanItsParents() {
        Instant before = Instant.now();
        String parentIp = forker.parentStatus(vcsim.parentName()).ip();

        Child child = forker.fork(Sims.child(vcsim).namePrefix("ci/job 7").build());

        assertThat(child.name()).matches("ci-job-7-[a-z0-9]{6}");
        assertThat(parentIp).isNotBlank();
        assertThat(child.ip()).isNotBlank().isNotEqualTo(parentIp);
        assertThat(forker.child(child.id())).get().satisfies(found -> {
            assertThat(found.owner()).isEqualTo("owner-1");
            assertThat(found.job()).isEqualTo("job");
            assertThat(found.build()).isEqualTo("1");
            assertThat(found.parentId())
                    .isEqualTo(forker.parentStatus(vcsim.parentName()).id());
            assertThat(found.createdAt()).isAfterOrEqualTo(before.minusSeconds(1));
        });
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("PowerOnVM_Task", 1L);
    }

    @Test
    void aChildIsFoundByNameWhenTheTaskAnswersNoReference() {
        vcsim.childResultIsReference(false);

        Child child = forker.fork(Sims.child(vcsim).name("by-name-1").build());

        assertThat(child.name()).isEqualTo("by-name-1");
        assertThat(forker.child("by-name-1")).get().extracting(Child::id).isEqualTo(child.id());
    }

    @Test
    void aChildCanBePlacedInAnotherFolder() {
        Child child = forker.fork(Sims.child(vcsim)
                .name("placed-1")
                .placement("team-a", null, null)
                .build());

        assertThat(forker.child("/DC0/vm/team-a/placed-1"))
                .get()
                .extracting(Child::id)
                .isEqualTo(child.id());
    }

    @Test
    void aPostForkCommandRunsInTheChild() {
        forker.fork(Sims.child(vcsim)
                .postForkCommand("/usr/bin/refresh-network --now", Sims.guest(vcsim))
                .build());

        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("StartProgramInGuest", 1L)
                .containsKey("ListProcessesInGuest");
    }

    @Test
    void aParentThatIsNotEnabledOrNotQuiescedIsRefused() {
        String plain = ChildNames.generate("plain");
        vcsim.createVm(plain);
        String half = ChildNames.generate("half");
        vcsim.createVm(half);
        forker.enableParent(half, null, Sims.quick());

        VmforkException notEnabled =
                failure(() -> forker.fork(ChildSpec.builder(plain).build()));
        VmforkException notQuiesced =
                failure(() -> forker.fork(ChildSpec.builder(half).build()));

        assertThat(notEnabled.getMessage()).contains(plain).contains("not enabled as a fork parent");
        assertThat(notQuiesced.getMessage()).contains(half).contains("not quiesced");
        assertThat(vcsim.soapRequestsByMethod()).doesNotContainKey("CreateForkChild_Task");
    }

    @Test
    void aPoweredOffParentIsRefused() {
        vcsim.powerOff(vcsim.parentName());

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("poweredOff");
        vcsim.powerOn(vcsim.parentName());
        forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
    }

    @Test
    void aDuplicateNameIsRefusedAndTheExistingChildIsKept() {
        Child first =
                forker.fork(Sims.child(vcsim).name("dup-1").waitForIp(false).build());

        VmforkException e =
                failure(() -> forker.fork(Sims.child(vcsim).name("dup-1").build()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.fault()).isEqualTo("DuplicateName");
        assertThat(e.getMessage()).contains("dup-1").contains("choose another name");
        assertThat(forker.children(vcsim.parentName())).extracting(Child::id).containsExactly(first.id());
    }

    @Test
    void aFailedTaskReportsVCentersTextAndLeavesNothing() {
        vcsim.failNextTask("CreateForkChild_Task", "SystemError", 1);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage())
                .contains("injected by the simulator")
                .contains("(SystemError)")
                .doesNotContain("\n");
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aBusyParentIsRetriedAFewTimes() {
        vcsim.failNextTask("CreateForkChild_Task", "TaskInProgress", 1);
        vcsim.failNext("CreateForkChild_Task", "FileLocked", 1);
        vcsim.failNextTask("CreateForkChild_Task", "ConcurrentAccess", 1);

        Child child = forker.fork(Sims.child(vcsim).build());

        assertThat(child.id()).isNotBlank();
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("CreateForkChild_Task", 4L);
    }

    @Test
    void retriesAreBoundedAndOtherFaultsAreNotRetried() {
        vcsim.failNextTask("CreateForkChild_Task", "TaskInProgress", 20);

        VmforkException busy = failure(() -> forker.fork(Sims.child(vcsim).build()));
        vcsim.reset();
        vcsim.failNextTask("CreateForkChild_Task", "InvalidState", 1);
        VmforkException invalid = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(busy.fault()).isEqualTo("TaskInProgress");
        assertThat(invalid.fault()).isEqualTo("InvalidState");
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("CreateForkChild_Task", 1L);
    }

    @Test
    void aSlowTaskIsCancelledAtTheDeadlineNamingTaskVmAndTimeAndMakesNoChild() {
        // Well past the deadline: a WaitForUpdatesEx waits whole seconds, so the deadline is noticed up to 1 s late.
        vcsim.taskDelay(Duration.ofMillis(1800));

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim)
                .timeouts(Duration.ofMillis(400), Duration.ofSeconds(10))
                .build()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage())
                .containsPattern("task task-\\d+ on VM " + vcsim.parentName())
                .contains("within 0.4 s")
                .contains("(cancelled after");
        // Cancelled, the task never makes the child: there is nothing to destroy.
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("CancelTask", 1L).doesNotContainKey("Destroy_Task");
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aSlowTaskThatVCenterDoesNotCancelIsWaitedForAndItsLateChildDestroyed() {
        vcsim.taskDelay(Duration.ofMillis(1800));
        vcsim.tasksCancelable(false);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim)
                .timeouts(Duration.ofMillis(300), Duration.ofSeconds(10))
                .build()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("within 0.3 s").contains("vCenter did not cancel it");
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("CancelTask", 1L).containsEntry("Destroy_Task", 1L);
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aChildShowingItsParentsIpAtFirstIsReportedWithItsOwn() {
        vcsim.childStaleIp(Duration.ofSeconds(1));
        String parentIp = forker.parentStatus(vcsim.parentName()).ip();

        Child child = forker.fork(Sims.child(vcsim).build());

        assertThat(parentIp).isNotBlank();
        assertThat(child.ip()).isNotBlank().isNotEqualTo(parentIp);
        assertThat(forker.child(child.id())).get().extracting(Child::ip).isEqualTo(child.ip());
    }

    @Test
    void aChildKeepingItsParentsIpFailsAtTheIpDeadlineAndIsDestroyed() {
        vcsim.childStaleIpForever();
        String parentIp = forker.parentStatus(vcsim.parentName()).ip();

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim)
                .name("stale-ip-1")
                .timeouts(Duration.ofSeconds(20), Duration.ofSeconds(1))
                .build()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage())
                .contains("Child stale-ip-1 still reported " + parentIp + ", the IP address of its parent "
                        + vcsim.parentName())
                .contains("IP timeout of 1.0 s")
                .doesNotContain("\n");
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", 1L);
        assertThat(forker.children(null)).isEmpty();
    }

    @Test
    void aChildThatCannotBePoweredOnIsDestroyed() {
        vcsim.failNext("PowerOnVM_Task", "InvalidState", 1);

        VmforkException e = failure(() -> forker.fork(Sims.child(vcsim).build()));

        assertThat(e.getMessage()).contains("Powering on");
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Destroy_Task", 1L);
        assertThat(forker.children(null)).isEmpty();
    }
}
