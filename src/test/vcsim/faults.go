package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vmware/govmomi/vim25/types"
)

// injection fails the next calls of one method with a named fault, as a SOAP fault of the call itself or,
// for a *_Task method, as a task that ends in error.
type injection struct {
	fault  string
	asTask bool
	left   int
}

type faultMaker func(this types.ManagedObjectReference) (types.BaseMethodFault, string)

// faultMakers builds each fault that can be injected, with the fields and message vCenter would send.
var faultMakers = map[string]faultMaker{
	"NotAuthenticated": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.NotAuthenticated{NoPermission: types.NoPermission{Object: this, PrivilegeId: "System.View"}},
			"The session is not authenticated."
	},
	"InvalidLogin": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.InvalidLogin{}, "Cannot complete login due to an incorrect user name or password."
	},
	"TaskInProgress": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		busy := types.ManagedObjectReference{Type: "Task", Value: "task-busy"}
		return &types.TaskInProgress{Task: busy}, "The operation is not allowed in the current state: " +
			"another task is in progress on " + this.Value + "."
	},
	"FileLocked": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		file := "[LocalDS_0] " + this.Value + "/" + this.Value + ".vmx"
		return &types.FileLocked{FileFault: types.FileFault{File: file}},
			"Unable to access file " + file + " since it is locked"
	},
	"ConcurrentAccess": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.ConcurrentAccess{}, "Cannot complete operation due to concurrent modification by " +
			"another operation."
	},
	"NoPermission": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.NoPermission{Object: this, PrivilegeId: "VirtualMachine.Provisioning.Clone"},
			"Permission to perform this operation was denied."
	},
	"InvalidGuestLogin": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.InvalidGuestLogin{}, "Failed to authenticate with the guest operating system using the " +
			"supplied credentials."
	},
	"GuestOperationsUnavailable": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.GuestOperationsUnavailable{}, "The guest operations agent could not be contacted."
	},
	"InvalidPowerState": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.InvalidPowerState{
			RequestedState: types.VirtualMachinePowerStatePoweredOn,
			ExistingState:  types.VirtualMachinePowerStatePoweredOff,
		}, "The attempted operation cannot be performed in the current state (Powered off)."
	},
	"DuplicateName": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.DuplicateName{Name: "vmfork-duplicate", Object: this},
			"The name 'vmfork-duplicate' already exists."
	},
	"ManagedObjectNotFound": func(this types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.ManagedObjectNotFound{Obj: this}, "The object '" + this.Value + "' has already been " +
			"deleted or has not been completely created"
	},
	"SystemError": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.SystemError{Reason: "injected by the simulator"}, "A general system error occurred: " +
			"injected by the simulator"
	},
	"RuntimeFault": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.RuntimeFault{}, "A general runtime error occurred."
	},
	"InvalidState": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.InvalidState{}, "The operation is not allowed in the current state."
	},
	"InvalidArgument": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.InvalidArgument{InvalidProperty: "spec"}, "A specified parameter was not correct: spec"
	},
	"HostCommunication": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.HostCommunication{}, "An error occurred while communicating with the remote host."
	},
	"Timedout": func(types.ManagedObjectReference) (types.BaseMethodFault, string) {
		return &types.Timedout{}, "Operation timed out."
	},
}

func faultNames() string {
	names := make([]string, 0, len(faultMakers))
	for n := range faultMakers {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// failNext queues an injection; a method with several queued injections uses them in order.
func (s *sim) failNext(method, fault string, times int, asTask bool) error {
	if method == "" {
		return fmt.Errorf("method is empty: name a SOAP method such as CreateForkChild_Task")
	}
	if _, ok := faultMakers[fault]; !ok {
		return fmt.Errorf("unknown fault %q: use one of %s", fault, faultNames())
	}
	if times < 1 {
		return fmt.Errorf("times %d: must be at least 1", times)
	}
	if asTask && !strings.HasSuffix(method, "_Task") {
		return fmt.Errorf("method %q answers no task: inject its fault as \"call\"", method)
	}
	s.mu.Lock()
	s.injections[method] = append(s.injections[method], &injection{fault: fault, asTask: asTask, left: times})
	s.mu.Unlock()
	return nil
}

func (s *sim) takeInjection(method string) *injection {
	s.mu.Lock()
	defer s.mu.Unlock()
	queue := s.injections[method]
	if len(queue) == 0 {
		return nil
	}
	inj := queue[0]
	inj.left--
	if inj.left == 0 {
		s.injections[method] = queue[1:]
	}
	return inj
}

func (s *sim) injectedAnswer(inj *injection, call soapCall) *answer {
	fault, msg := faultMakers[inj.fault](call.this)
	if !inj.asTask {
		return faultAnswer(msg, fault)
	}
	return s.startTask(call.method, call.this, func() outcome { return outcome{fault: fault, msg: msg} })
}
