package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.mo.ManagedEntity;
import com.vmware.vim25.mo.SearchIndex;
import com.vmware.vim25.mo.ServiceInstance;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The VMs that tests of name resolution look for, on the simulator shared by the whole test run. */
class VcsimInventoryTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = VcsimExtension.shared();

    private ServiceInstance si;
    private SearchIndex index;

    @BeforeEach
    void login() throws Exception {
        si = Soap.login(VCSIM.vcsim());
        index = si.getSearchIndex();
    }

    @AfterEach
    void logout() {
        si.getServerConnection().logout();
    }

    @Test
    void aNameWithASpaceIsFoundByItsPath() throws Exception {
        ManagedEntity vm = index.findByInventoryPath("DC0/vm/" + Vcsim.SPACED_VM);

        assertThat(vm).isNotNull();
        assertThat(vm.getName()).isEqualTo(Vcsim.SPACED_VM);
    }

    @Test
    void aNameWithASlashIsStoredEscapedAsVcenterDoes() throws Exception {
        ManagedEntity vm = index.findByInventoryPath("DC0/vm/" + Vcsim.SLASHED_VM_STORED);

        assertThat(vm).isNotNull();
        assertThat(vm.getName()).isEqualTo("vmfork%2fslashed");
        assertThat(vm.getPropertyByPath("guest.toolsRunningStatus")).isEqualTo("guestToolsRunning");
    }

    @Test
    void twoVmsOfTheSameNameLiveInDifferentFolders() throws Exception {
        ManagedEntity a = index.findByInventoryPath("DC0/vm/team-a/" + Vcsim.TWIN_VM);
        ManagedEntity b = index.findByInventoryPath("DC0/vm/team-b/" + Vcsim.TWIN_VM);

        assertThat(a.getName()).isEqualTo(b.getName()).isEqualTo(Vcsim.TWIN_VM);
        assertThat(a.getMOR().getVal()).isNotEqualTo(b.getMOR().getVal());
        assertThat(a.getPropertyByPath("guest.ipAddress")).isNotEqualTo(b.getPropertyByPath("guest.ipAddress"));
    }

    @Test
    void theParentIsInTheDatacentersVmFolder() throws Exception {
        ManagedEntity parent =
                index.findByInventoryPath("DC0/vm/" + VCSIM.vcsim().parentName());

        assertThat(parent).isNotNull();
        assertThat(parent.getPropertyByPath("runtime.powerState").toString()).isEqualTo("poweredOn");
    }
}
