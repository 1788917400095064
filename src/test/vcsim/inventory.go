package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Names of the VMs that tests of name resolution look for, besides the parent.
const (
	spacedName  = "vmfork spaced vm"
	slashedName = "vmfork/slashed"
	twinName    = "vmfork-twin"
)

// placement is where a new VM goes.
type placement struct {
	folder types.ManagedObjectReference
	pool   types.ManagedObjectReference
	host   *types.ManagedObjectReference
	ds     string
}

func (s *sim) buildInventory(ctx context.Context) error {
	finder := find.NewFinder(s.client, false)
	dc, err := finder.DefaultDatacenter(ctx)
	if err != nil {
		return err
	}
	finder.SetDatacenter(dc)
	folders, err := dc.Folders(ctx)
	if err != nil {
		return err
	}
	pool, err := s.defaultPool(ctx, finder)
	if err != nil {
		return err
	}
	at := placement{folder: folders.VmFolder.Reference(), pool: pool.Reference(), ds: "LocalDS_0"}

	for _, name := range []string{s.cfg.parentName, spacedName, escapeName(slashedName)} {
		if _, err := s.createVM(ctx, name, at, true); err != nil {
			return err
		}
	}

	// vCenter has folders; an ESXi host has only its fixed ones, so no twins there.
	if !s.cfg.esx {
		for _, team := range []string{"team-a", "team-b"} {
			f, err := folders.VmFolder.CreateFolder(ctx, team)
			if err != nil {
				return err
			}
			twin := at
			twin.folder = f.Reference()
			if _, err := s.createVM(ctx, twinName, twin, true); err != nil {
				return err
			}
		}
	}

	// vcsim's own VMs run without tools; here every running VM has them.
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		if s.powerState(vm) == types.VirtualMachinePowerStatePoweredOn {
			s.bootGuest(vm)
		}
	}
	return nil
}

func (s *sim) defaultPool(ctx context.Context, finder *find.Finder) (*object.ResourcePool, error) {
	if s.cfg.esx {
		return finder.DefaultResourcePool(ctx)
	}
	pools, err := finder.ResourcePoolList(ctx, "*/Resources")
	if err != nil {
		return nil, err
	}
	for _, p := range pools {
		if strings.Contains(p.InventoryPath, "_C0/") {
			return p, nil
		}
	}
	return pools[0], nil
}

// escapeName stores a name the way vCenter does: '%', '/' and '\' are kept escaped in the inventory.
func escapeName(name string) string {
	return strings.NewReplacer("%", "%25", "/", "%2f", `\`, "%5c").Replace(name)
}

// createVM makes a VM through vcsim's own CreateVM_Task, with one NIC whose MAC vcsim derives from the VM's
// unique path. It has no disk: vcsim would create a disk file per VM name, and twins share a name.
func (s *sim) createVM(ctx context.Context, name string, at placement,
	powerOn bool) (*simulator.VirtualMachine, error) {
	var devices object.VirtualDeviceList
	scsi, _ := devices.CreateSCSIController("pvscsi")
	nic := esx.EthernetCard
	devices = append(devices, scsi, &nic)
	changes, err := devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
	if err != nil {
		return nil, err
	}

	spec := types.VirtualMachineConfigSpec{
		Name:         name,
		GuestId:      string(types.VirtualMachineGuestOsIdentifierOtherLinux64Guest),
		NumCPUs:      2,
		MemoryMB:     2048,
		Files:        &types.VirtualMachineFileInfo{VmPathName: "[" + at.ds + "]"},
		DeviceChange: changes,
	}
	var host *object.HostSystem
	if at.host != nil {
		host = object.NewHostSystem(s.client, *at.host)
	}
	task, err := object.NewFolder(s.client, at.folder).CreateVM(ctx, spec,
		object.NewResourcePool(s.client, at.pool), host)
	if err != nil {
		return nil, err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("creating VM %q: %v", name, err)
	}
	ref := info.Result.(types.ManagedObjectReference)
	vm := simulator.Map.Get(ref).(*simulator.VirtualMachine)
	update(vm, []types.PropertyChange{
		{Name: "runtime.quiescedForkParent", Val: false},
		{Name: "summary.runtime.quiescedForkParent", Val: false},
	})

	if powerOn {
		if err := s.powerOn(ctx, vm); err != nil {
			return nil, err
		}
	}
	return vm, nil
}

func (s *sim) powerOn(ctx context.Context, vm *simulator.VirtualMachine) error {
	task, err := object.NewVirtualMachine(s.client, vm.Self).PowerOn(ctx)
	if err == nil {
		err = task.Wait(ctx)
	}
	if err != nil {
		return fmt.Errorf("powering on %s: %v", vm.Self.Value, err)
	}
	s.bootGuest(vm)
	return nil
}

func (s *sim) powerOff(ctx context.Context, vm *simulator.VirtualMachine) error {
	task, err := object.NewVirtualMachine(s.client, vm.Self).PowerOff(ctx)
	if err == nil {
		err = task.Wait(ctx)
	}
	if err != nil {
		return fmt.Errorf("powering off %s: %v", vm.Self.Value, err)
	}
	s.stopGuest(vm)
	return nil
}

// vm returns the VM that ref names, or nil.
func (s *sim) vm(ref types.ManagedObjectReference) *simulator.VirtualMachine {
	if ref.Type != "VirtualMachine" {
		return nil
	}
	vm, _ := simulator.Map.Get(ref).(*simulator.VirtualMachine)
	return vm
}

// vmByName finds a VM by its inventory name (as stored, so "a%2fb" for "a/b") or by its id ("vm-42").
func (s *sim) vmByName(name string) (*simulator.VirtualMachine, error) {
	if vm := s.vm(types.ManagedObjectReference{Type: "VirtualMachine", Value: name}); vm != nil {
		return vm, nil
	}
	var found []*simulator.VirtualMachine
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		if vm.Name == name || vm.Name == escapeName(name) {
			found = append(found, vm)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no VM named %q", name)
	case 1:
		return found[0], nil
	default:
		ids := make([]string, len(found))
		for i, vm := range found {
			ids[i] = vm.Self.Value
		}
		return nil, fmt.Errorf("%d VMs are named %q (%s): name one by its id", len(found), name,
			strings.Join(ids, ", "))
	}
}

func (s *sim) powerState(vm *simulator.VirtualMachine) types.VirtualMachinePowerState {
	var state types.VirtualMachinePowerState
	simulator.Map.WithLock(vm, func() { state = vm.Runtime.PowerState })
	return state
}

// afterPowerChange keeps the guest in step with a power change made through vcsim's own methods.
func (s *sim) afterPowerChange(vm *simulator.VirtualMachine, before types.VirtualMachinePowerState) {
	after := s.powerState(vm)
	if after == before {
		return
	}
	if after == types.VirtualMachinePowerStatePoweredOn {
		s.bootGuest(vm)
	} else {
		s.stopGuest(vm)
	}
}

// placementOf is where a VM lives: its folder, pool, host and first datastore.
func placementOf(vm *simulator.VirtualMachine) placement {
	var at placement
	simulator.Map.WithLock(vm, func() {
		at.folder = *vm.Parent
		if vm.ResourcePool != nil {
			at.pool = *vm.ResourcePool
		}
		at.host = vm.Runtime.Host
		at.ds = "LocalDS_0"
		if len(vm.Datastore) > 0 {
			if ds, ok := simulator.Map.Get(vm.Datastore[0]).(*simulator.Datastore); ok {
				at.ds = ds.Name
			}
		}
	})
	return at
}

// nameTaken returns the entity named name in folder, if any.
func nameTaken(folder types.ManagedObjectReference, name string) *types.ManagedObjectReference {
	f, ok := simulator.Map.Get(folder).(*simulator.Folder)
	if !ok {
		return nil
	}
	var found *types.ManagedObjectReference
	simulator.Map.WithLock(f, func() {
		if e := simulator.Map.FindByName(name, f.ChildEntity); e != nil {
			ref := e.(mo.Reference).Reference()
			found = &ref
		}
	})
	return found
}

// removeDatastores deletes the temporary directories behind vcsim's datastores. vcsim's Model.Remove does that
// too, but walks the inventory without its lock while late requests may still change it.
func (s *sim) removeDatastores() {
	tmp := filepath.Clean(os.TempDir())
	for _, e := range simulator.Map.All("Datastore") {
		ds := e.(*simulator.Datastore)
		var dir string
		simulator.Map.WithLock(ds, func() { dir = ds.Info.GetDatastoreInfo().Url })
		if filepath.Dir(dir) == tmp && strings.HasPrefix(filepath.Base(dir), "govcsim-") {
			_ = os.RemoveAll(dir)
		}
	}
}
