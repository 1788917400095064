package main

import (
	"context"
	"net/http"
	"reflect"

	"github.com/google/uuid"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// The private VMFork calls of vSphere 6.0/6.5 are in no WSDL, so govmomi has no types for them; these are
// their wire shapes as the public clients of the API send them.
type (
	enableForkParentRequest struct {
		This types.ManagedObjectReference  `xml:"_this"`
		Host *types.ManagedObjectReference `xml:"host,omitempty"`
	}
	thisOnlyRequest struct {
		This types.ManagedObjectReference `xml:"_this"`
	}
	createForkChildRequest struct {
		This types.ManagedObjectReference  `xml:"_this"`
		Name string                        `xml:"name"`
		Spec virtualMachineCreateChildSpec `xml:"spec"`
	}
	virtualMachineCreateChildSpec struct {
		types.DynamicData

		Location     *types.VirtualMachineRelocateSpec `xml:"location,omitempty"`
		Persistent   bool                              `xml:"persistent"`
		ConfigParams []types.BaseOptionValue           `xml:"configParams,omitempty,typeattr"`
	}
)

func init() {
	types.Add("EnableForkParent_Task", reflect.TypeOf(enableForkParentRequest{}))
	types.Add("DisableForkParent_Task", reflect.TypeOf(thisOnlyRequest{}))
	types.Add("RetrieveForkChildren_Task", reflect.TypeOf(thisOnlyRequest{}))
	types.Add("RetrieveForkParent_Task", reflect.TypeOf(thisOnlyRequest{}))
	types.Add("CreateForkChild_Task", reflect.TypeOf(createForkChildRequest{}))
	types.Add("VirtualMachineCreateChildSpec", reflect.TypeOf(virtualMachineCreateChildSpec{}))
}

// decodeRequest decodes a request body into dst, or returns the fault answer vCenter gives to a bad request.
func decodeRequest(body []byte, dst interface{}) *answer {
	method, err := simulator.UnmarshalBody(types.TypeFunc(), body)
	if err == nil && reflect.TypeOf(method.Body) != reflect.TypeOf(dst) {
		err = errUnexpected(method.Name)
	}
	if err != nil {
		return faultAnswer(err.Error(), &types.InvalidRequest{})
	}
	reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(method.Body).Elem())
	return nil
}

type errUnexpected string

func (e errUnexpected) Error() string { return "unexpected request " + string(e) }

// forkVM decodes a fork call's request into req and returns the VM the call is made on, or the answer for a
// request that cannot be read or the fault vCenter answers for a missing object.
func (s *sim) forkVM(call soapCall, body []byte, req interface{}) (*simulator.VirtualMachine, *answer) {
	if a := decodeRequest(body, req); a != nil {
		return nil, a
	}
	vm := s.vm(call.this)
	if vm == nil {
		return nil, faultAnswer("The object '"+call.this.Value+"' has already been deleted or has not been "+
			"completely created", &types.ManagedObjectNotFound{Obj: call.this})
	}
	return vm, nil
}

func forkConfig(vm *simulator.VirtualMachine) types.VirtualMachineForkConfigInfo {
	var info types.VirtualMachineForkConfigInfo
	simulator.Map.WithLock(vm, func() {
		if vm.Config.ForkConfigInfo != nil {
			info = *vm.Config.ForkConfigInfo
		}
	})
	return info
}

func forkParentEnabled(vm *simulator.VirtualMachine) bool {
	info := forkConfig(vm)
	return info.ParentEnabled != nil && *info.ParentEnabled
}

func quiesced(vm *simulator.VirtualMachine) bool {
	var q bool
	simulator.Map.WithLock(vm, func() { q = vm.Runtime.QuiescedForkParent != nil && *vm.Runtime.QuiescedForkParent })
	return q
}

func notPoweredOn(vm *simulator.VirtualMachine, state types.VirtualMachinePowerState, why string) outcome {
	return failed(&types.InvalidPowerState{RequestedState: types.VirtualMachinePowerStatePoweredOn,
		ExistingState: state}, "The attempted operation cannot be performed in the current state (%s): %s %s",
		state, vm.Name, why)
}

func (s *sim) enableForkParent(_ *http.Request, body []byte, call soapCall) *answer {
	var req enableForkParentRequest
	vm, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	return s.startTask(call.method, vm.Self, func() outcome {
		if state := s.powerState(vm); state != types.VirtualMachinePowerStatePoweredOn {
			return notPoweredOn(vm, state, "must be powered on to become a fork parent")
		}
		info := forkConfig(vm)
		if info.ParentEnabled == nil || !*info.ParentEnabled {
			info.ParentEnabled = types.NewBool(true)
			info.ParentForkGroupId = uuid.New().String()
			update(vm, []types.PropertyChange{{Name: "config.forkConfigInfo", Val: info}})
		}
		return outcome{}
	})
}

func (s *sim) disableForkParent(_ *http.Request, body []byte, call soapCall) *answer {
	var req thisOnlyRequest
	vm, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	return s.startTask(call.method, vm.Self, func() outcome {
		info := forkConfig(vm)
		info.ParentEnabled = types.NewBool(false)
		info.ParentForkGroupId = ""
		update(vm, []types.PropertyChange{
			{Name: "config.forkConfigInfo", Val: info},
			{Name: "runtime.quiescedForkParent", Val: false},
			{Name: "summary.runtime.quiescedForkParent", Val: false},
		})
		s.guestMu.Lock()
		s.guest(vm.Self).frozen = false
		s.guestMu.Unlock()
		return outcome{}
	})
}

func (s *sim) createForkChild(_ *http.Request, body []byte, call soapCall) *answer {
	var req createForkChildRequest
	parent, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	s.mu.Lock()
	asRef := s.childResult == "ref"
	s.mu.Unlock()

	return s.startTask(call.method, parent.Self, func() outcome {
		info := forkConfig(parent)
		if info.ParentEnabled == nil || !*info.ParentEnabled {
			return failed(&types.InvalidState{}, "The operation is not allowed in the current state: %s is not "+
				"enabled as a fork parent (EnableForkParent_Task first).", parent.Name)
		}
		if !quiesced(parent) {
			return failed(&types.InvalidState{}, "The operation is not allowed in the current state: %s is not "+
				"quiesced (run vmfork-begin in its guest and wait for runtime.quiescedForkParent).", parent.Name)
		}
		childType := string(types.VirtualMachineForkConfigInfoChildTypeNonpersistent)
		if req.Spec.Persistent {
			childType = string(types.VirtualMachineForkConfigInfoChildTypePersistent)
		}
		fork := types.VirtualMachineForkConfigInfo{ChildForkGroupId: info.ParentForkGroupId, ChildType: childType}

		o := s.cloneVM(parent, req.Name, req.Spec.Location, req.Spec.ConfigParams, fork, s.cfg.childPoweredOn)
		if o.fault == nil && !asRef {
			o.result = nil
		}
		return o
	})
}

// cloneVM makes a child of parent in the folder and pool of the location, or the parent's own.
func (s *sim) cloneVM(parent *simulator.VirtualMachine, name string, location *types.VirtualMachineRelocateSpec,
	params []types.BaseOptionValue, fork types.VirtualMachineForkConfigInfo, powerOn bool) outcome {
	if name == "" {
		return failed(&types.InvalidArgument{InvalidProperty: "name"}, "A specified parameter was not correct: "+
			"name (the child's name is empty)")
	}
	stored := escapeName(name)
	at := placementOf(parent)
	if location != nil {
		if location.Folder != nil {
			at.folder = *location.Folder
		}
		if location.Pool != nil {
			at.pool = *location.Pool
		}
		if location.Host != nil {
			at.host = location.Host
		}
	}

	s.forkMu.Lock()
	defer s.forkMu.Unlock()
	if taken := nameTaken(at.folder, stored); taken != nil {
		return failed(&types.DuplicateName{Name: stored, Object: *taken}, "The name '%s' already exists.", stored)
	}
	child, err := s.createVM(context.Background(), stored, at, false)
	if err != nil {
		return failed(&types.SystemError{Reason: err.Error()}, "A general system error occurred: %v", err)
	}

	var extra []types.BaseOptionValue
	simulator.Map.WithLock(child, func() { extra = append(extra, child.Config.ExtraConfig...) })
	extra = append(extra, params...)
	update(child, []types.PropertyChange{
		{Name: "config.forkConfigInfo", Val: fork},
		{Name: "config.extraConfig", Val: extra},
	})

	s.guestMu.Lock()
	s.origin[child.Self] = parent.Self
	if fork.ChildType != "" {
		s.parentOf[child.Self] = parent.Self
		s.children[parent.Self] = append(s.children[parent.Self], child.Self)
	}
	s.guestMu.Unlock()

	if powerOn {
		if err := s.powerOn(context.Background(), child); err != nil {
			return failed(&types.SystemError{Reason: err.Error()}, "A general system error occurred: %v", err)
		}
	}
	return outcome{result: child.Self}
}

func (s *sim) retrieveForkChildren(_ *http.Request, body []byte, call soapCall) *answer {
	var req thisOnlyRequest
	parent, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	return s.startTask(call.method, parent.Self, func() outcome {
		s.guestMu.Lock()
		defer s.guestMu.Unlock()
		var alive []types.ManagedObjectReference
		for _, c := range s.children[parent.Self] {
			if s.vm(c) != nil {
				alive = append(alive, c)
			}
		}
		if len(alive) == 0 {
			return outcome{}
		}
		return outcome{result: alive}
	})
}

func (s *sim) retrieveForkParent(_ *http.Request, body []byte, call soapCall) *answer {
	var req thisOnlyRequest
	child, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	return s.startTask(call.method, child.Self, func() outcome {
		s.guestMu.Lock()
		defer s.guestMu.Unlock()
		parent, ok := s.parentOf[child.Self]
		if !ok || s.vm(parent) == nil {
			return outcome{}
		}
		return outcome{result: parent}
	})
}

// instantClone is the public call of vSphere 6.7 and later; older versions answer MethodNotFound as vCenter
// 6.5 does.
func (s *sim) instantClone(_ *http.Request, body []byte, call soapCall) *answer {
	if s.currentAPIVersion().less(apiVersion{6, 7}) {
		return faultAnswer("Method InstantClone_Task is not supported before vSphere API 6.7.",
			&types.MethodNotFound{Receiver: call.this, Method: call.method})
	}
	var req types.InstantClone_Task
	source, a := s.forkVM(call, body, &req)
	if a != nil {
		return a
	}
	return s.startTask(call.method, source.Self, func() outcome {
		if state := s.powerState(source); state != types.VirtualMachinePowerStatePoweredOn {
			return notPoweredOn(source, state, "must be powered on to be instant-cloned")
		}
		spec := req.Spec
		o := s.cloneVM(source, spec.Name, &spec.Location, spec.Config, types.VirtualMachineForkConfigInfo{}, true)
		if o.fault == nil && spec.BiosUuid != "" {
			update(s.vm(o.result.(types.ManagedObjectReference)), []types.PropertyChange{
				{Name: "config.uuid", Val: spec.BiosUuid},
				{Name: "summary.config.uuid", Val: spec.BiosUuid},
			})
		}
		return o
	})
}
