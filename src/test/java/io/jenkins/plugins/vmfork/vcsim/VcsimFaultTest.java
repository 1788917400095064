package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults and delays switched on through the control endpoint while the simulator runs. */
class VcsimFaultTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension("-http");

    private Vcsim vcsim;
    private ServiceInstance si;
    private VirtualMachine vm;

    @BeforeEach
    void loginAndMakeAVm(TestInfo test) throws Exception {
        vcsim = VCSIM.vcsim();
        si = Soap.login(vcsim);
        String name = "faults-" + test.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
        vcsim.createVm(name);
        vm = Soap.vm(si, name);
    }

    @AfterEach
    void logout() {
        si.getServerConnection().logout();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NotAuthenticated",
                "InvalidLogin",
                "TaskInProgress",
                "FileLocked",
                "ConcurrentAccess",
                "NoPermission",
                "InvalidGuestLogin",
                "GuestOperationsUnavailable",
                "InvalidPowerState",
                "DuplicateName",
                "ManagedObjectNotFound",
                "SystemError",
                "RuntimeFault",
                "InvalidState",
                "Timedout"
            })
    void theNextCallFailsWithTheNamedFaultAndTheOneAfterItSucceeds(String fault) throws Exception {
        vcsim.failNext("CurrentTime", fault, 1);

        assertThatThrownBy(si::currentTime)
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo(fault));
        assertThat(si.currentTime()).isNotNull();
    }

    @Test
    void aFaultForSeveralCallsFailsEachOfThem() throws Exception {
        vcsim.failNext("EnableForkParent_Task", "TaskInProgress", 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> ForkCalls.enable(si, vm))
                    .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("TaskInProgress"));
        }
        assertThat(Soap.awaitTask(si, ForkCalls.enable(si, vm))).isEqualTo("success");
    }

    @Test
    void aTaskFaultEndsTheTaskInErrorWithoutDoingTheWork() throws Exception {
        vcsim.failNextTask("PowerOffVM_Task", "FileLocked", 1);

        ManagedObjectReference task = vm.powerOffVM_Task().getMOR();

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getFault().getClass().getSimpleName())
                .isEqualTo("FileLocked");
        assertThat(vm.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
    }

    @Test
    void aTaskFaultOnAForkCallEndsItsTaskInError() throws Exception {
        vcsim.failNextTask("CreateForkChild_Task", "ConcurrentAccess", 1);
        ForkCalls.enableAndQuiesce(si, vcsim, vm);

        ManagedObjectReference task = ForkCalls.createChild(si, vm, "faults-child", false, Map.of());

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getFault().getClass().getSimpleName())
                .isEqualTo("ConcurrentAccess");
        assertThat(Soap.awaitTask(si, ForkCalls.createChild(si, vm, "faults-child", false, Map.of())))
                .isEqualTo("success");
    }

    @Test
    void withATaskDelayTasksAreStillRunningWhenTheCallReturns() throws Exception {
        vcsim.createVm(vm.getName() + "-other");
        VirtualMachine other = Soap.vm(si, vm.getName() + "-other");
        vcsim.taskDelay(Duration.ofMillis(500));

        ManagedObjectReference enable = ForkCalls.enable(si, vm);
        ManagedObjectReference powerOff = other.powerOffVM_Task().getMOR();

        assertThat(state(enable)).isEqualTo("running");
        assertThat(state(powerOff)).isEqualTo("running");
        assertThat(Soap.awaitTask(si, enable)).isEqualTo("success");
        assertThat(Soap.awaitTask(si, powerOff)).isEqualTo("success");
    }

    @Test
    void aCancelledForkTaskEndsInRequestCanceledAndMakesNoChild() throws Exception {
        ForkCalls.enableAndQuiesce(si, vcsim, vm);
        vcsim.taskDelay(Duration.ofMillis(500));
        String name = vm.getName() + "-cancelled";
        ManagedObjectReference task = ForkCalls.createChild(si, vm, name, false, Map.of());
        Task running = new Task(si.getServerConnection(), task);
        assertThat(running.getPropertyByPath("info.cancelable")).isEqualTo(true);

        running.cancelTask();

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getFault().getClass().getSimpleName())
                .isEqualTo("RequestCanceled");
        assertThat(Soap.taskError(si, task).getLocalizedMessage()).contains("canceled by a user");
        assertThat(running.getPropertyByPath("info.cancelled")).isEqualTo(true);
        assertThatThrownBy(running::cancelTask)
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("InvalidState"));
        Thread.sleep(700); // past the task delay: a cancelled task's work never runs
        assertThat(findVm(name)).isNull();
    }

    @Test
    void aTaskThatIsNotCancelableAnswersNotSupportedAndFinishes() throws Exception {
        ForkCalls.enableAndQuiesce(si, vcsim, vm);
        vcsim.createVm(vm.getName() + "-other");
        VirtualMachine other = Soap.vm(si, vm.getName() + "-other");
        vcsim.tasksCancelable(false);
        vcsim.taskDelay(Duration.ofMillis(1000));
        ManagedObjectReference fork = ForkCalls.createChild(si, vm, vm.getName() + "-kept", false, Map.of());
        ManagedObjectReference vcsimOwn = other.powerOffVM_Task().getMOR();

        List<ManagedObjectReference> tasks = List.of(fork, vcsimOwn);
        for (ManagedObjectReference task : tasks) {
            assertThatThrownBy(() -> new Task(si.getServerConnection(), task).cancelTask())
                    .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("NotSupported"));
        }
        for (ManagedObjectReference task : tasks) {
            assertThat(Soap.awaitTask(si, task)).isEqualTo("success");
        }
        assertThat(findVm(vm.getName() + "-kept")).isNotNull();
    }

    @Test
    void resetCancelsTasksStillDelayedSoThatNothingActsAfterIt() throws Exception {
        ForkCalls.enableAndQuiesce(si, vcsim, vm);
        vcsim.taskDelay(Duration.ofMillis(500));
        String name = vm.getName() + "-before-reset";
        ManagedObjectReference task = ForkCalls.createChild(si, vm, name, false, Map.of());

        vcsim.reset();

        assertThat(state(task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getFault().getClass().getSimpleName())
                .isEqualTo("RequestCanceled");
        Thread.sleep(700); // past the task delay
        assertThat(findVm(name)).isNull();
    }

    @Test
    void resetLeavesAVmSwitchedOffAndOnAgainRunningWithoutAPowerCycle() throws Exception {
        vcsim.powerOff(vm.getName());
        vcsim.powerOn(vm.getName());
        ForkCalls.enableAndQuiesce(si, vcsim, vm);

        vcsim.reset();

        assertThat(vm.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
        assertThat(vm.getPropertyByPath("runtime.quiescedForkParent")).isEqualTo(true);
    }

    @Test
    void withSlowAnswersAClientReadTimeoutFires() throws Exception {
        vcsim.responseDelay(Duration.ofSeconds(2));

        assertThatThrownBy(
                        () -> new ServiceInstance(new URL(vcsim.url()), vcsim.user(), vcsim.password(), true, 200, 200))
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void resetPowersBackOnAVmPoweredOffThroughTheControlEndpointAndDropsPendingFaults() throws Exception {
        vcsim.powerOff(vm.getName());
        vcsim.failNext("CurrentTime", "SystemError", 5);
        assertThat(vm.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOff");

        vcsim.reset();

        assertThat(vm.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
        assertThat(si.currentTime()).isNotNull();
    }

    @Test
    void badControlRequestsAreRefusedWithTheValueAndWhatToDo() {
        assertThatThrownBy(() -> vcsim.failNext("CurrentTime", "NoSuchFault", 1))
                .hasMessageContaining("unknown fault \"NoSuchFault\"")
                .hasMessageContaining("FileLocked");
        assertThatThrownBy(() -> vcsim.failNextTask("CurrentTime", "FileLocked", 1))
                .hasMessageContaining("\"CurrentTime\" answers no task");
        assertThatThrownBy(() -> vcsim.toolsRunning("no-such-vm", false)).hasMessageContaining("no VM named");
        assertThatThrownBy(() -> vcsim.toolsRunning(Vcsim.TWIN_VM, false)).hasMessageContaining("2 VMs are named");
        assertThatThrownBy(() -> vcsim.apiVersion("six")).hasMessageContaining("API version \"six\"");
    }

    private VirtualMachine findVm(String name) throws Exception {
        return (VirtualMachine) new InventoryNavigator(si.getRootFolder()).searchManagedEntity("VirtualMachine", name);
    }

    private String state(ManagedObjectReference task) {
        return new Task(si.getServerConnection(), task)
                .getPropertyByPath("info.state")
                .toString();
    }
}
