package io.jenkins.plugins.vmfork.vcsim;

import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.createChild;
import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.enable;
import static io.jenkins.plugins.vmfork.vcsim.ForkCalls.enableAndQuiesce;
import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.GuestNicInfo;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualMachineForkConfigInfo;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The VMFork calls of vSphere 6.0/6.5 over real SOAP; every test forks from a parent of its own. */
class VcsimForkTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    private Vcsim vcsim;
    private ServiceInstance si;
    private VirtualMachine parent;

    @BeforeEach
    void loginAndMakeAParent(TestInfo test) throws Exception {
        vcsim = VCSIM.vcsim();
        si = Soap.login(vcsim);
        String name = "parent-" + test.getTestMethod().orElseThrow().getName();
        vcsim.createVm(name);
        parent = Soap.vm(si, name);
    }

    @AfterEach
    void logout() {
        si.getServerConnection().logout();
    }

    @Test
    void enableForkParentMarksTheVmAndIsIdempotent() throws Exception {
        assertThat(Soap.awaitTask(si, enable(si, parent))).isEqualTo("success");
        assertThat(Soap.awaitTask(si, enable(si, parent))).isEqualTo("success");

        VirtualMachineForkConfigInfo fork =
                (VirtualMachineForkConfigInfo) parent.getPropertyByPath("config.forkConfigInfo");
        assertThat(fork.getParentEnabled()).isTrue();
        assertThat(parent.getPropertyByPath("runtime.quiescedForkParent")).isEqualTo(false);
    }

    @Test
    void enableForkParentRefusesAPoweredOffVm() throws Exception {
        vcsim.powerOff(parent.getName());

        ManagedObjectReference task = enable(si, parent);

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        LocalizedMethodFault error = Soap.taskError(si, task);
        assertThat(error.getFault().getClass().getSimpleName()).isEqualTo("InvalidPowerState");
        assertThat(error.getLocalizedMessage()).contains("poweredOff", parent.getName());
    }

    @Test
    void vmforkBeginQuiescesTheParentAndFreezesItsGuest() throws Exception {
        enableAndQuiesce(si, vcsim, parent);

        assertThat(parent.getPropertyByPath("summary.runtime.quiescedForkParent"))
                .isEqualTo(true);
        Throwable frozen = catchCall(() -> ForkCalls.processes(si, parent)
                .listProcessesInGuest(ForkCalls.auth(vcsim.guestUser(), vcsim.guestPassword()), null));
        assertThat(Soap.faultName(frozen)).isEqualTo("GuestOperationsUnavailable");
    }

    @Test
    void createForkChildRefusesAParentThatIsNotEnabled() throws Exception {
        ManagedObjectReference task = createChild(si, parent, "child-not-enabled", false, Map.of());

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getLocalizedMessage()).contains("not enabled as a fork parent");
    }

    @Test
    void createForkChildRefusesAParentThatIsNotQuiesced() throws Exception {
        Soap.awaitTask(si, enable(si, parent));

        ManagedObjectReference task = createChild(si, parent, "child-not-quiesced", false, Map.of());

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getLocalizedMessage()).contains("not quiesced");
    }

    @Test
    void createForkChildRefusesANameTakenInTheFolder() throws Exception {
        enableAndQuiesce(si, vcsim, parent);

        ManagedObjectReference task = createChild(si, parent, vcsim.parentName(), false, Map.of());

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        LocalizedMethodFault error = Soap.taskError(si, task);
        assertThat(error.getFault().getClass().getSimpleName()).isEqualTo("DuplicateName");
        assertThat(error.getLocalizedMessage()).contains(vcsim.parentName());
    }

    @Test
    void childComesUpPoweredOffWithItsConfigThenGetsItsOwnAddressOnPowerOn() throws Exception {
        enableAndQuiesce(si, vcsim, parent);

        ManagedObjectReference task =
                createChild(si, parent, "child-config", true, Map.of("guestinfo.vmfork.job", "a & <b> \"c\""));
        assertThat(Soap.awaitTask(si, task)).isEqualTo("success");
        VirtualMachine child = Soap.vm(si, (ManagedObjectReference) Soap.taskResult(si, task));

        assertThat(child.getName()).isEqualTo("child-config");
        assertThat(child.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOff");
        VirtualMachineForkConfigInfo fork =
                (VirtualMachineForkConfigInfo) child.getPropertyByPath("config.forkConfigInfo");
        assertThat(fork.getChildType()).isEqualTo("persistent");
        assertThat(fork.getChildForkGroupId()).isNotEmpty();
        OptionValue[] extra = (OptionValue[]) child.getPropertyByPath("config.extraConfig");
        assertThat(Arrays.stream(extra).filter(o -> o.getKey().equals("guestinfo.vmfork.job")))
                .singleElement()
                .satisfies(o -> assertThat(o.getValue()).isEqualTo("a & <b> \"c\""));

        assertThat(Soap.awaitTask(si, child.powerOnVM_Task(null).getMOR())).isEqualTo("success");
        assertThat(child.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
        assertThat(child.getPropertyByPath("guest.ipAddress"))
                .isNotNull()
                .isNotEqualTo(parent.getPropertyByPath("guest.ipAddress"));
        assertThat(mac(child)).isNotEqualTo(mac(parent));
    }

    @Test
    void childrenGetAddressesDifferentFromEveryOtherVm() throws Exception {
        enableAndQuiesce(si, vcsim, parent);
        Set<Object> addresses = new HashSet<>();
        addresses.add(parent.getPropertyByPath("guest.ipAddress"));

        for (int i = 0; i < 3; i++) {
            ManagedObjectReference task = createChild(si, parent, "child-ip-" + i, false, Map.of());
            Soap.awaitTask(si, task);
            VirtualMachine child = Soap.vm(si, (ManagedObjectReference) Soap.taskResult(si, task));
            Soap.awaitTask(si, child.powerOnVM_Task(null).getMOR());
            addresses.add(child.getPropertyByPath("guest.ipAddress"));
        }

        assertThat(addresses).hasSize(4).doesNotContainNull();
    }

    @Test
    void withAStaleIpAChildFirstReportsItsParentsAddressThenItsOwn() throws Exception {
        vcsim.childStaleIp(Duration.ofSeconds(1));
        enableAndQuiesce(si, vcsim, parent);
        Object parentAddress = parent.getPropertyByPath("guest.ipAddress");
        ManagedObjectReference task = createChild(si, parent, "child-stale-ip", false, Map.of());
        Soap.awaitTask(si, task);
        VirtualMachine child = Soap.vm(si, (ManagedObjectReference) Soap.taskResult(si, task));

        Soap.awaitTask(si, child.powerOnVM_Task(null).getMOR());

        assertThat(child.getPropertyByPath("guest.ipAddress")).isEqualTo(parentAddress);
        Object own = Soap.await(
                si, child.getMOR(), "guest.ipAddress", ip -> ip != null && !ip.equals(parentAddress), Soap.WAIT);
        assertThat(own).isNotNull();
    }

    @Test
    void withAStaleIpForeverAChildReportsItsParentsAddressUntilItIsPowerCycled() throws Exception {
        vcsim.childStaleIpForever();
        enableAndQuiesce(si, vcsim, parent);
        Object parentAddress = parent.getPropertyByPath("guest.ipAddress");
        ManagedObjectReference task = createChild(si, parent, "child-stale-forever", false, Map.of());
        Soap.awaitTask(si, task);
        VirtualMachine child = Soap.vm(si, (ManagedObjectReference) Soap.taskResult(si, task));

        Soap.awaitTask(si, child.powerOnVM_Task(null).getMOR());
        Object stale = child.getPropertyByPath("guest.ipAddress");
        Soap.awaitTask(si, child.powerOffVM_Task().getMOR());
        Soap.awaitTask(si, child.powerOnVM_Task(null).getMOR());

        assertThat(stale).isEqualTo(parentAddress);
        assertThat(child.getPropertyByPath("guest.ipAddress")).isNotNull().isNotEqualTo(parentAddress);
    }

    @Test
    void withAnEmptyResultTheChildIsFoundByNameInTheParentsFolder() throws Exception {
        vcsim.childResultIsReference(false);
        enableAndQuiesce(si, vcsim, parent);

        ManagedObjectReference task = createChild(si, parent, "child-empty-result", false, Map.of());

        assertThat(Soap.awaitTask(si, task)).isEqualTo("success");
        assertThat(Soap.taskResult(si, task)).isNull();
        VirtualMachine child = Soap.vm(si, "child-empty-result");
        assertThat(child.getParent().getMOR()).isEqualTo(parent.getParent().getMOR());
        assertThat(child.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOff");
    }

    @Test
    void retrievesTheChildrenOfAParentAndTheParentOfAChild() throws Exception {
        enableAndQuiesce(si, vcsim, parent);
        ManagedObjectReference first = childOf("child-family-1");
        ManagedObjectReference second = childOf("child-family-2");

        ManagedObjectReference children = ForkCalls.retrieveChildren(si, parent);
        assertThat(Soap.awaitTask(si, children)).isEqualTo("success");
        assertThat((ManagedObjectReference[]) Soap.taskResult(si, children)).containsExactly(first, second);

        ManagedObjectReference parentOf = ForkCalls.retrieveParent(si, Soap.vm(si, second));
        assertThat(Soap.awaitTask(si, parentOf)).isEqualTo("success");
        assertThat(Soap.taskResult(si, parentOf)).isEqualTo(parent.getMOR());
    }

    @Test
    void disableForkParentClearsTheFlagsAndUnfreezesTheGuest() throws Exception {
        enableAndQuiesce(si, vcsim, parent);

        assertThat(Soap.awaitTask(si, ForkCalls.disable(si, parent))).isEqualTo("success");

        VirtualMachineForkConfigInfo fork =
                (VirtualMachineForkConfigInfo) parent.getPropertyByPath("config.forkConfigInfo");
        assertThat(fork.getParentEnabled()).isFalse();
        assertThat(parent.getPropertyByPath("runtime.quiescedForkParent")).isEqualTo(false);
        assertThat(ForkCalls.processes(si, parent)
                        .listProcessesInGuest(ForkCalls.auth(vcsim.guestUser(), vcsim.guestPassword()), null))
                .isNotEmpty();
    }

    @Test
    void withChildPoweredOnTheChildComesUpRunningWithToolsAndItsOwnAddress() throws Exception {
        try (Vcsim running = Vcsim.start("-child-powered-on", "-http")) {
            ServiceInstance other = Soap.login(running);
            VirtualMachine otherParent = Soap.vm(other, running.parentName());
            enableAndQuiesce(other, running, otherParent);

            ManagedObjectReference task = createChild(other, otherParent, "child-running", false, Map.of());

            Soap.awaitTask(other, task);
            VirtualMachine child = Soap.vm(other, (ManagedObjectReference) Soap.taskResult(other, task));
            assertThat(child.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
            assertThat(child.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
            assertThat(child.getPropertyByPath("guest.ipAddress"))
                    .isNotNull()
                    .isNotEqualTo(otherParent.getPropertyByPath("guest.ipAddress"));
            assertThat(((VirtualMachineForkConfigInfo) child.getPropertyByPath("config.forkConfigInfo")).getChildType())
                    .isEqualTo("nonpersistent");
            other.getServerConnection().logout();
        }
    }

    private ManagedObjectReference childOf(String name) throws Exception {
        ManagedObjectReference task = createChild(si, parent, name, false, Map.of());
        assertThat(Soap.awaitTask(si, task)).isEqualTo("success");
        return (ManagedObjectReference) Soap.taskResult(si, task);
    }

    private static String mac(VirtualMachine vm) {
        GuestNicInfo[] nics = (GuestNicInfo[]) vm.getPropertyByPath("guest.net");
        return nics[0].getMacAddress();
    }

    static Throwable catchCall(ThrowingCall call) {
        try {
            call.run();
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }
}
