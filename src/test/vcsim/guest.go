package main

import (
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// guestState is the emulated guest of one VM: its address and the programs started in it.
type guestState struct {
	ip        string
	frozen    bool
	booted    bool
	processes []types.GuestProcessInfo
	nextPid   int64
}

func (s *sim) guest(ref types.ManagedObjectReference) *guestState {
	g := s.guests[ref]
	if g == nil {
		g = &guestState{nextPid: 4100}
		s.guests[ref] = g
	}
	return g
}

// allocateIP hands out addresses from 10.118.0.0/16 and never twice, so every VM's guest IP differs from
// every other VM's, including its fork parent's.
func (s *sim) allocateIP() string {
	s.nextIP++
	n := s.nextIP + 10
	return fmt.Sprintf("10.118.%d.%d", n/250, n%250+1)
}

func (s *sim) toolsAllowed(ref types.ManagedObjectReference) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.toolsOff[ref]
}

// bootGuest is what a powered-on VM shows once VMware Tools are up: tools running, guest operations ready,
// a hostname and an IP on its NIC.
func (s *sim) bootGuest(vm *simulator.VirtualMachine) {
	s.guestMu.Lock()
	g := s.guest(vm.Self)
	if g.ip == "" {
		g.ip = s.allocateIP()
	}
	stale, wait := "", time.Duration(0)
	if !g.booted {
		stale, wait = s.staleAddress(vm)
	}
	g.frozen, g.booted = false, true
	ip := g.ip
	s.guestMu.Unlock()

	update(vm, []types.PropertyChange{{Name: "runtime.bootTime", Val: time.Now()}})
	if !s.toolsAllowed(vm.Self) {
		s.setToolsRunning(vm, false)
		return
	}
	s.setToolsRunning(vm, true)
	if stale == "" {
		s.publishAddress(vm, ip)
		return
	}
	s.publishAddress(vm, stale)
	if wait == staleForever {
		return
	}
	time.AfterFunc(wait, func() {
		if s.powerState(vm) == types.VirtualMachinePowerStatePoweredOn && s.toolsRunning(vm) {
			s.publishAddress(vm, ip)
		}
	})
}

// staleAddress is the address a clone reports at its first boot when -child-stale-ip asks for it: the one of
// the VM it was cloned from, as a real child does until its guest reacts to its new MAC; and for how long
// (staleForever: until a power cycle). Called with guestMu held.
func (s *sim) staleAddress(vm *simulator.VirtualMachine) (string, time.Duration) {
	s.mu.Lock()
	wait := s.childStaleIP
	s.mu.Unlock()
	origin, ok := s.origin[vm.Self]
	if wait == 0 || !ok || s.guests[origin] == nil {
		return "", 0
	}
	return s.guests[origin].ip, wait
}

// publishAddress is what VMware Tools report of the guest's network: its IP on the VM's NIC, and a hostname.
func (s *sim) publishAddress(vm *simulator.VirtualMachine, ip string) {
	var mac string
	var name string
	simulator.Map.WithLock(vm, func() {
		name = vm.Name
		for _, d := range object.VirtualDeviceList(vm.Config.Hardware.Device).SelectByType(
			(*types.VirtualEthernetCard)(nil)) {
			mac = d.(types.BaseVirtualEthernetCard).GetVirtualEthernetCard().MacAddress
			break
		}
	})
	host := strings.ToLower(strings.NewReplacer(" ", "-", "%2f", "-", "%", "-").Replace(name))
	nics := []types.GuestNicInfo{{
		Network: "VM Network", IpAddress: []string{ip}, MacAddress: mac, Connected: true, DeviceConfigId: 4000,
	}}
	update(vm, []types.PropertyChange{
		{Name: "guest.ipAddress", Val: ip},
		{Name: "guest.hostName", Val: host},
		{Name: "guest.net", Val: nics},
		{Name: "summary.guest.ipAddress", Val: ip},
		{Name: "summary.guest.hostName", Val: host},
	})
}

// currentAddress is the IP the guest of a running VM has, for a guest whose tools come back.
func (s *sim) currentAddress(vm *simulator.VirtualMachine) string {
	s.guestMu.Lock()
	defer s.guestMu.Unlock()
	return s.guest(vm.Self).ip
}

// stopGuest is a powered-off (or suspended) guest: no tools, no address, nothing frozen any more.
func (s *sim) stopGuest(vm *simulator.VirtualMachine) {
	s.guestMu.Lock()
	g := s.guest(vm.Self)
	g.frozen = false
	g.processes = nil
	s.guestMu.Unlock()

	s.setToolsRunning(vm, false)
	update(vm, []types.PropertyChange{
		{Name: "runtime.bootTime", Val: nil},
		{Name: "guest.ipAddress", Val: nil},
		{Name: "guest.net", Val: nil},
		{Name: "summary.guest.ipAddress", Val: nil},
		{Name: "runtime.quiescedForkParent", Val: false},
		{Name: "summary.runtime.quiescedForkParent", Val: false},
		{Name: "runtime.instantCloneFrozen", Val: false},
	})
}

func (s *sim) setToolsRunning(vm *simulator.VirtualMachine, running bool) {
	status, runStatus, state := types.VirtualMachineToolsStatusToolsNotRunning,
		types.VirtualMachineToolsRunningStatusGuestToolsNotRunning, "notRunning"
	if running {
		status, runStatus, state = types.VirtualMachineToolsStatusToolsOk,
			types.VirtualMachineToolsRunningStatusGuestToolsRunning, "running"
	}
	update(vm, []types.PropertyChange{
		{Name: "guest.toolsStatus", Val: status},
		{Name: "guest.toolsRunningStatus", Val: string(runStatus)},
		{Name: "guest.toolsVersionStatus2", Val: string(types.VirtualMachineToolsVersionStatusGuestToolsCurrent)},
		{Name: "guest.toolsVersion", Val: "10346"},
		{Name: "guest.guestState", Val: state},
		{Name: "guest.guestOperationsReady", Val: running},
		{Name: "summary.guest.toolsStatus", Val: status},
		{Name: "summary.guest.toolsRunningStatus", Val: string(runStatus)},
	})
}

func (s *sim) toolsRunning(vm *simulator.VirtualMachine) bool {
	var running bool
	simulator.Map.WithLock(vm, func() {
		running = vm.Guest != nil &&
			vm.Guest.ToolsRunningStatus == string(types.VirtualMachineToolsRunningStatusGuestToolsRunning)
	})
	return running
}

// guestReady checks what vCenter checks before a guest operation, in the same order.
func (s *sim) guestReady(vmRef types.ManagedObjectReference, auth types.BaseGuestAuthentication) (
	*simulator.VirtualMachine, *answer) {
	vm := s.vm(vmRef)
	if vm == nil {
		return nil, faultAnswer("The object '"+vmRef.Value+"' has already been deleted or has not been completely "+
			"created", &types.ManagedObjectNotFound{Obj: vmRef})
	}
	if state := s.powerState(vm); state != types.VirtualMachinePowerStatePoweredOn {
		return nil, faultAnswer("The attempted operation cannot be performed in the current state ("+
			string(state)+").", &types.InvalidPowerState{
			RequestedState: types.VirtualMachinePowerStatePoweredOn, ExistingState: state})
	}
	if !s.toolsRunning(vm) {
		return nil, faultAnswer("The guest operations agent could not be contacted: VMware Tools are not "+
			"running in "+vm.Name+".", &types.GuestOperationsUnavailable{})
	}
	s.guestMu.Lock()
	frozen := s.guest(vm.Self).frozen
	s.guestMu.Unlock()
	if frozen {
		return nil, faultAnswer("The guest operations agent could not be contacted: the guest of "+vm.Name+
			" is frozen.", &types.GuestOperationsUnavailable{})
	}
	login, ok := auth.(*types.NamePasswordAuthentication)
	if !ok || login.Username != s.cfg.guestUser || login.Password != s.cfg.guestPassword {
		return nil, faultAnswer("Failed to authenticate with the guest operating system using the supplied "+
			"credentials.", &types.InvalidGuestLogin{})
	}
	return vm, nil
}

func (s *sim) startProgramInGuest(_ *http.Request, body []byte, _ soapCall) *answer {
	var req types.StartProgramInGuest
	if a := decodeRequest(body, &req); a != nil {
		return a
	}
	vm, a := s.guestReady(req.Vm, req.Auth)
	if a != nil {
		return a
	}
	spec := req.Spec.GetGuestProgramSpec()
	cmdLine := strings.TrimSpace(spec.ProgramPath + " " + spec.Arguments)

	s.guestMu.Lock()
	g := s.guest(vm.Self)
	g.nextPid++
	p := types.GuestProcessInfo{
		Name: path.Base(spec.ProgramPath), Pid: g.nextPid, Owner: s.cfg.guestUser, CmdLine: cmdLine,
		StartTime: time.Now(),
	}
	freeze := s.guestCommand(vm, cmdLine, &p)
	g.processes = append(g.processes, p)
	s.guestMu.Unlock()

	if freeze != nil {
		time.AfterFunc(s.cfg.quiesceDelay, freeze)
	}
	return encodedAnswer("StartProgramInGuestResponse", &types.StartProgramInGuestResponse{Returnval: p.Pid})
}

// guestCommand emulates what a program does in the guest. vmfork-begin on an enabled fork parent and
// instantclone.freeze freeze the guest a moment later (the process never ends: the guest stops); vmfork-begin
// elsewhere fails; anything else ends at once with exit code 0. Called with guestMu held.
func (s *sim) guestCommand(vm *simulator.VirtualMachine, cmdLine string, p *types.GuestProcessInfo) func() {
	ended := time.Now()
	switch {
	case strings.Contains(cmdLine, "vmfork-begin"):
		if !forkParentEnabled(vm) {
			p.EndTime, p.ExitCode = &ended, 1
			return nil
		}
		return func() { s.freeze(vm, "runtime.quiescedForkParent", "summary.runtime.quiescedForkParent") }
	case strings.Contains(cmdLine, "instantclone.freeze"):
		return func() { s.freeze(vm, "runtime.instantCloneFrozen") }
	default:
		p.EndTime = &ended
		return nil
	}
}

func (s *sim) freeze(vm *simulator.VirtualMachine, flags ...string) {
	if s.powerState(vm) != types.VirtualMachinePowerStatePoweredOn {
		return
	}
	s.guestMu.Lock()
	s.guest(vm.Self).frozen = true
	s.guestMu.Unlock()
	changes := make([]types.PropertyChange, len(flags))
	for i, f := range flags {
		changes[i] = types.PropertyChange{Name: f, Val: true}
	}
	update(vm, changes)
}

func (s *sim) listProcessesInGuest(_ *http.Request, body []byte, _ soapCall) *answer {
	var req types.ListProcessesInGuest
	if a := decodeRequest(body, &req); a != nil {
		return a
	}
	vm, a := s.guestReady(req.Vm, req.Auth)
	if a != nil {
		return a
	}
	wanted := make(map[int64]bool)
	for _, pid := range req.Pids {
		wanted[pid] = true
	}

	s.guestMu.Lock()
	var list []processInfo
	for _, p := range s.guest(vm.Self).processes {
		if len(wanted) == 0 || wanted[p.Pid] {
			list = append(list, processInfoOf(p))
		}
	}
	s.guestMu.Unlock()
	return encodedAnswer("ListProcessesInGuestResponse", &struct {
		Returnval []processInfo `xml:"returnval,omitempty"`
	}{list})
}

// processInfo is GuestProcessInfo as vCenter sends it: govmomi leaves out an exit code of 0, vCenter sends it
// for every process that has ended (and yavijava reads a missing one as null).
type processInfo struct {
	Name      string     `xml:"name"`
	Pid       int64      `xml:"pid"`
	Owner     string     `xml:"owner"`
	CmdLine   string     `xml:"cmdLine"`
	StartTime time.Time  `xml:"startTime"`
	EndTime   *time.Time `xml:"endTime,omitempty"`
	ExitCode  *int32     `xml:"exitCode,omitempty"`
}

func processInfoOf(p types.GuestProcessInfo) processInfo {
	info := processInfo{Name: p.Name, Pid: p.Pid, Owner: p.Owner, CmdLine: p.CmdLine, StartTime: p.StartTime,
		EndTime: p.EndTime}
	if p.EndTime != nil {
		code := p.ExitCode
		info.ExitCode = &code
	}
	return info
}

func encodedAnswer(name string, v interface{}) *answer {
	payload, err := encodeResponse(name, v)
	if err != nil {
		return faultAnswer(err.Error(), &types.SystemError{Reason: err.Error()})
	}
	return soapAnswer(http.StatusOK, payload)
}
