package io.jenkins.plugins.vmfork.vcsim;

import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.auth;
import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.processes;
import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.startProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.GuestProcessInfo;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guest operations: the programs of the quiesce, guest credentials, and a guest without VMware Tools. */
class VcsimGuestTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension("-http");

    private Vcsim vcsim;
    private ServiceInstance si;
    private VirtualMachine vm;

    @BeforeEach
    void loginAndMakeAVm(TestInfo test) throws Exception {
        vcsim = VCSIM.vcsim();
        si = Soap.login(vcsim);
        String name = "guest-" + test.getTestMethod().orElseThrow().getName();
        vcsim.createVm(name);
        vm = Soap.vm(si, name);
    }

    @AfterEach
    void logout() {
        si.getServerConnection().logout();
    }

    @Test
    void aStartedProgramIsListedWithItsCommandLineAndEndsAtOnce() throws Exception {
        long pid = startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword(), "/bin/echo", "hello");

        GuestProcessInfo[] listed = processes(si, vm)
                .listProcessesInGuest(auth(vcsim.guestUser(), vcsim.guestPassword()), new long[] {pid});

        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.getPid()).isEqualTo(pid);
            assertThat(p.getName()).isEqualTo("echo");
            assertThat(p.getCmdLine()).isEqualTo("/bin/echo hello");
            assertThat(p.getOwner()).isEqualTo(vcsim.guestUser());
            assertThat(p.getEndTime()).isNotNull();
            assertThat(p.getExitCode()).isZero();
        });
    }

    @Test
    void vmforkBeginFailsInTheGuestOfAVmThatIsNotAForkParent() throws Exception {
        long pid = startProgram(
                si,
                vm,
                vcsim.guestUser(),
                vcsim.guestPassword(),
                ForkCalls.QUIESCE_PROGRAM,
                ForkCalls.QUIESCE_ARGUMENTS);

        GuestProcessInfo[] listed = processes(si, vm)
                .listProcessesInGuest(auth(vcsim.guestUser(), vcsim.guestPassword()), new long[] {pid});

        assertThat(listed[0].getExitCode()).isEqualTo(1);
        assertThat(vm.getPropertyByPath("runtime.quiescedForkParent")).isEqualTo(false);
    }

    @Test
    void wrongGuestCredentialsAreAnInvalidGuestLogin() {
        assertThatThrownBy(() -> startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword() + "x", "/bin/true", ""))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidGuestLogin"));
        assertThatThrownBy(() -> processes(si, vm).listProcessesInGuest(auth("root", vcsim.guestPassword()), null))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidGuestLogin"));
    }

    @Test
    void withoutVmwareToolsGuestOperationsAreUnavailableUntilReset() throws Exception {
        vcsim.toolsRunning(vm.getName(), false);

        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsNotRunning");
        assertThatThrownBy(() -> startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword(), "/bin/true", ""))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("GuestOperationsUnavailable"));

        vcsim.reset();
        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
        assertThat(startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword(), "/bin/true", ""))
                .isPositive();
    }

    @Test
    void aPoweredOffVmHasNoGuestAndNoAddress() throws Exception {
        vcsim.powerOff(vm.getName());

        assertThat(vm.getPropertyByPath("guest.ipAddress")).isNull();
        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsNotRunning");
        assertThatThrownBy(() -> startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword(), "/bin/true", ""))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidPowerState"));
    }

    @Test
    void aVmPoweredBackOnKeepsItsAddressAndRunsTools() throws Exception {
        Object address = vm.getPropertyByPath("guest.ipAddress");
        Soap.awaitTask(si, vm.powerOffVM_Task().getMOR());
        assertThat(vm.getPropertyByPath("guest.ipAddress")).isNull();

        Soap.awaitTask(si, vm.powerOnVM_Task(null).getMOR());

        assertThat(vm.getPropertyByPath("guest.ipAddress")).isEqualTo(address);
        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
    }
}
