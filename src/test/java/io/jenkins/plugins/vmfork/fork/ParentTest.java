package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.VmforkException.Kind;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finding VMs, and preparing parents: enable, quiesce, status, disable, and each way that can go wrong. */
class ParentTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    private final Vcsim vcsim = VCSIM.vcsim();
    private final Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null);

    @AfterEach
    void close() {
        forker.close();
    }

    @Test
    void vmsAreFoundByNameInventoryPathWithEscapedSlashOrId() {
        String id = forker.parentStatus(Vcsim.SLASHED_VM).id();

        assertThat(forker.parentStatus("/DC0/vm/vmfork%2Fslashed").id()).isEqualTo(id);
        assertThat(forker.parentStatus(id).name()).isEqualTo(Vcsim.SLASHED_VM_STORED);
        assertThat(forker.parentStatus(Vcsim.SPACED_VM).name()).isEqualTo(Vcsim.SPACED_VM);
    }

    @Test
    void anAmbiguousNameListsTheInventoryPathsOfEveryMatch() {
        VmforkException e = failure(() -> forker.parentStatus(Vcsim.TWIN_VM));

        assertThat(e.kind()).isEqualTo(Kind.USAGE);
        assertThat(e.getMessage())
                .contains("2 VMs are named 'vmfork-twin'")
                .contains("/DC0/vm/team-a/vmfork-twin")
                .contains("/DC0/vm/team-b/vmfork-twin");
    }

    @Test
    void aMissingNameOrPathNamesTheDatacentersSearched() {
        VmforkException byName = failure(() -> forker.parentStatus("no-such-vm"));
        VmforkException byPath = failure(() -> forker.parentStatus("/DC0/vm/nowhere/x"));

        assertThat(byName.kind()).isEqualTo(Kind.USAGE);
        assertThat(byName.getMessage()).contains("'no-such-vm'").contains("datacenter(s) DC0");
        assertThat(byPath.getMessage()).contains("'/DC0/vm/nowhere/x'").contains("DC0");
    }

    @Test
    void enablingAndQuiescingTwiceTouchesTheParentOnce() {
        String vm = newVm("twice");

        ParentStatus first = forker.enableParent(vm, Sims.guest(vcsim), Sims.quick());
        ParentStatus second = forker.enableParent(vm, Sims.guest(vcsim), Sims.quick());

        assertThat(first.enabled()).isTrue();
        assertThat(first.quiesced()).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("EnableForkParent_Task", 1L)
                .containsEntry("StartProgramInGuest", 1L);
    }

    @Test
    void commandsBeforeTheQuiesceRunAndAreWaitedFor() {
        String vm = newVm("prep");
        QuiesceOptions options = Sims.quick().withCommandsBefore(List.of("/usr/bin/sync", "systemctl stop x"));

        ParentStatus status = forker.enableParent(vm, Sims.guest(vcsim), options);

        assertThat(status.quiesced()).isTrue();
        assertThat(vcsim.soapRequestsByMethod())
                .containsEntry("StartProgramInGuest", 3L)
                .containsKey("ListProcessesInGuest");
    }

    @Test
    void enablingWithoutGuestCredentialsLeavesTheParentUnquiesced() {
        String vm = newVm("half");

        ParentStatus status = forker.enableParent(vm, null, Sims.quick());

        assertThat(status.enabled()).isTrue();
        assertThat(status.quiesced()).isFalse();
        assertThat(vcsim.soapRequestsByMethod()).doesNotContainKey("StartProgramInGuest");
    }

    @Test
    void aPoweredOffParentIsRefused() {
        String vm = newVm("off");
        vcsim.powerOff(vm);

        VmforkException e = failure(() -> forker.enableParent(vm, Sims.guest(vcsim), Sims.quick()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains(vm).contains("poweredOff").contains("power it on");
    }

    @Test
    void wrongGuestCredentialsGetTheirOwnMessage() {
        String vm = newVm("badguest");

        VmforkException e =
                failure(() -> forker.enableParent(vm, new GuestCredentials("root", "nope&<x>"), Sims.quick()));

        assertThat(e.kind()).isEqualTo(Kind.LOGIN);
        assertThat(e.fault()).isEqualTo("InvalidGuestLogin");
        assertThat(e.getMessage())
                .contains("guest user 'root'")
                .contains("guest user name and password")
                .doesNotContain("nope&<x>");
    }

    @Test
    void toolsNotRunningGetTheirOwnMessage() {
        String vm = newVm("notools");
        vcsim.toolsRunning(vm, false);
        QuiesceOptions options = QuiesceOptions.defaults().withTimeouts(Duration.ofMillis(800), Duration.ofSeconds(5));

        VmforkException e = failure(() -> forker.enableParent(vm, Sims.guest(vcsim), options));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("VMware Tools are not running in VM " + vm);
    }

    @Test
    void aMissingGuestOperationsPrivilegeIsNamed() {
        String vm = newVm("noperm");
        vcsim.failNext("StartProgramInGuest", "NoPermission", 1);

        VmforkException e = failure(() -> forker.enableParent(vm, Sims.guest(vcsim), Sims.quick()));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage())
                .contains("Permission to perform this operation was denied")
                .contains("lacks the privilege VirtualMachine.");
    }

    @Test
    void disablingStopsTheParentFromBeingForked() {
        String vm = newVm("disable");
        forker.enableParent(vm, Sims.guest(vcsim), Sims.quick());

        ParentStatus status = forker.disableParent(vm);

        assertThat(status.enabled()).isFalse();
        assertThat(status.quiesced()).isFalse();
        VmforkException e = failure(() -> forker.fork(ChildSpec.builder(vm).build()));
        assertThat(e.getMessage()).contains("not enabled as a fork parent");
    }

    private String newVm(String prefix) {
        String name = ChildNames.generate(prefix);
        vcsim.createVm(name);
        return name;
    }
}
