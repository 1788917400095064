package io.jenkins.plugins.vmfork.vcsim;

import static io.jenkins.plugins.vmfork.vcsim.Soap.arg;
import static io.jenkins.plugins.vmfork.vcsim.Soap.self;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vmware.vim25.DynamicData;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Instant Clone, the public API of vSphere 6.7 and later, and the freeze that goes with it. */
class VcsimInstantCloneTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension("-api-version", "6.7");

    private Vcsim vcsim;
    private ServiceInstance si;
    private VirtualMachine source;

    /** yavijava 6.0.05 has no VirtualMachineInstantCloneSpec; XmlGen sends any DynamicData by its fields. */
    public static final class VirtualMachineInstantCloneSpec extends DynamicData {
        public String name;
        public VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        public OptionValue[] config;
        public String biosUuid;
    }

    @BeforeEach
    void loginAndMakeASource(TestInfo test) throws Exception {
        vcsim = VCSIM.vcsim();
        si = Soap.login(vcsim);
        String name = "source-" + test.getTestMethod().orElseThrow().getName();
        vcsim.createVm(name);
        source = Soap.vm(si, name);
    }

    @AfterEach
    void logout() {
        si.getServerConnection().logout();
    }

    @Test
    void instantCloneAnswersARunningCloneWithItsOwnAddressAndTheConfig() throws Exception {
        VirtualMachineInstantCloneSpec spec = spec("clone-1");
        spec.biosUuid = "4211aaaa-bbbb-cccc-dddd-eeeeffff0001";

        ManagedObjectReference task = instantClone(spec);

        assertThat(Soap.awaitTask(si, task)).isEqualTo("success");
        VirtualMachine clone = Soap.vm(si, (ManagedObjectReference) Soap.taskResult(si, task));
        assertThat(clone.getName()).isEqualTo("clone-1");
        assertThat(clone.getParent().getMOR()).isEqualTo(source.getParent().getMOR());
        assertThat(clone.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
        assertThat(clone.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
        assertThat(clone.getPropertyByPath("guest.ipAddress"))
                .isNotNull()
                .isNotEqualTo(source.getPropertyByPath("guest.ipAddress"));
        assertThat(clone.getPropertyByPath("config.uuid")).isEqualTo(spec.biosUuid);
        OptionValue[] extra = (OptionValue[]) clone.getPropertyByPath("config.extraConfig");
        assertThat(Arrays.stream(extra).filter(o -> o.getKey().equals("guestinfo.vmfork.build")))
                .singleElement()
                .satisfies(o -> assertThat(o.getValue()).isEqualTo("42"));
    }

    @Test
    void aCancelledInstantCloneEndsInRequestCanceledAndMakesNoClone() throws Exception {
        vcsim.taskDelay(Duration.ofMillis(500));
        ManagedObjectReference task = instantClone(spec("clone-cancelled"));

        new Task(si.getServerConnection(), task).cancelTask();

        assertThat(Soap.awaitTask(si, task)).isEqualTo("error");
        assertThat(Soap.taskError(si, task).getFault().getClass().getSimpleName())
                .isEqualTo("RequestCanceled");
        Thread.sleep(700); // past the task delay: a cancelled task's work never runs
        assertThat(new InventoryNavigator(si.getRootFolder()).searchManagedEntity("VirtualMachine", "clone-cancelled"))
                .isNull();
    }

    @Test
    void instantCloneRefusesAPoweredOffSourceAndATakenName() throws Exception {
        ManagedObjectReference taken = instantClone(spec(vcsim.parentName()));
        assertThat(Soap.awaitTask(si, taken)).isEqualTo("error");
        assertThat(Soap.taskError(si, taken).getFault().getClass().getSimpleName())
                .isEqualTo("DuplicateName");

        vcsim.powerOff(source.getName());
        ManagedObjectReference off = instantClone(spec("clone-of-off"));
        assertThat(Soap.awaitTask(si, off)).isEqualTo("error");
        assertThat(Soap.taskError(si, off).getFault().getClass().getSimpleName())
                .isEqualTo("InvalidPowerState");
    }

    @Test
    void instantCloneFreezeFreezesTheGuest() throws Exception {
        ForkCalls.startProgram(
                si,
                source,
                vcsim.guestUser(),
                vcsim.guestPassword(),
                ForkCalls.QUIESCE_PROGRAM,
                "--cmd \"instantclone.freeze\"");

        Soap.await(si, source.getMOR(), "runtime.instantCloneFrozen", Boolean.TRUE::equals, Soap.WAIT);
        assertThatThrownBy(() ->
                        ForkCalls.startProgram(si, source, vcsim.guestUser(), vcsim.guestPassword(), "/bin/true", ""))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("GuestOperationsUnavailable"));
    }

    @Test
    void beforeApi67InstantCloneIsAnUnknownMethod() throws Exception {
        vcsim.apiVersion("6.5");

        assertThatThrownBy(() -> instantClone(spec("clone-on-65")))
                .satisfies(e -> assertThat(Soap.faultName(e)).isEqualTo("MethodNotFound"));
    }

    private VirtualMachineInstantCloneSpec spec(String name) {
        VirtualMachineInstantCloneSpec spec = new VirtualMachineInstantCloneSpec();
        spec.name = name;
        OptionValue build = new OptionValue();
        build.setKey("guestinfo.vmfork.build");
        build.setValue("42");
        spec.config = new OptionValue[] {build};
        return spec;
    }

    private ManagedObjectReference instantClone(VirtualMachineInstantCloneSpec spec) throws Exception {
        return Soap.invokeTask(si, "InstantClone_Task", self(source), arg("spec", "DynamicData", spec));
    }
}
