package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// controlRequest is the JSON body of every control call; each call reads the fields it needs.
type controlRequest struct {
	Ms         *int64 `json:"ms"`
	Method     string `json:"method"`
	Fault      string `json:"fault"`
	Times      int    `json:"times"`
	As         string `json:"as"`
	Version    string `json:"version"`
	VM         string `json:"vm"`
	Running    *bool  `json:"running"`
	On         *bool  `json:"on"`
	Mode       string `json:"mode"`
	Name       string `json:"name"`
	Forever    bool   `json:"forever"`
	Cancelable *bool  `json:"cancelable"`
}

type controlFunc func(s *sim, req *controlRequest) (interface{}, error)

var controls = map[string]controlFunc{
	"/task-delay":       (*sim).controlTaskDelay,
	"/tasks-cancelable": (*sim).controlTasksCancelable,
	"/response-delay":   (*sim).controlResponseDelay,
	"/fail":             (*sim).controlFail,
	"/expire-sessions":  (*sim).controlExpire,
	"/api-version":      (*sim).controlAPIVersion,
	"/tools":            (*sim).controlTools,
	"/power":            (*sim).controlPower,
	"/child-result":     (*sim).controlChildResult,
	"/child-stale-ip":   (*sim).controlChildStaleIP,
	"/vm":               (*sim).controlCreateVM,
	"/reset":            (*sim).controlReset,
}

// controlHandler serves the loopback control endpoint: POST with a JSON body changes a switch, GET /stats
// reads the counters.
func (s *sim) controlHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == "/stats" {
			writeJSON(w, http.StatusOK, s.stats())
			return
		}
		f, ok := controls[r.URL.Path]
		if !ok || r.Method != http.MethodPost {
			writeJSON(w, http.StatusNotFound, map[string]string{
				"error": fmt.Sprintf("%s %s: no such control (GET /stats, POST /reset, /fail, ...)", r.Method,
					r.URL.Path)})
			return
		}
		req := &controlRequest{}
		if r.ContentLength != 0 {
			if err := json.NewDecoder(r.Body).Decode(req); err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body is not JSON: " + err.Error()})
				return
			}
		}
		res, err := f(s, req)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		if res == nil {
			res = map[string]bool{"ok": true}
		}
		writeJSON(w, http.StatusOK, res)
	})
}

func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type statsReply struct {
	Requests     map[string]int64 `json:"requests"`
	Total        int64            `json:"total"`
	Logins       int64            `json:"logins"`
	Logouts      int64            `json:"logouts"`
	OpenSessions int              `json:"openSessions"`
}

func (s *sim) stats() statsReply {
	s.mu.Lock()
	defer s.mu.Unlock()
	reply := statsReply{Requests: make(map[string]int64), Logins: s.logins, Logouts: s.logouts,
		OpenSessions: len(s.sessions)}
	for k, v := range s.requests {
		reply.Requests[k] = v
		reply.Total += v
	}
	return reply
}

func millis(req *controlRequest) (time.Duration, error) {
	if req.Ms == nil || *req.Ms < 0 {
		return 0, fmt.Errorf(`give "ms": a number of milliseconds, 0 or more`)
	}
	return time.Duration(*req.Ms) * time.Millisecond, nil
}

func (s *sim) controlTaskDelay(req *controlRequest) (interface{}, error) {
	d, err := millis(req)
	if err == nil {
		s.mu.Lock()
		s.taskDelay = d
		s.mu.Unlock()
	}
	return nil, err
}

func (s *sim) controlResponseDelay(req *controlRequest) (interface{}, error) {
	d, err := millis(req)
	if err == nil {
		s.mu.Lock()
		s.responseDelay = d
		s.mu.Unlock()
	}
	return nil, err
}

func (s *sim) controlFail(req *controlRequest) (interface{}, error) {
	if req.As != "" && req.As != "call" && req.As != "task" {
		return nil, fmt.Errorf(`"as" %q: use "call" (a SOAP fault) or "task" (a task ending in error)`, req.As)
	}
	times := req.Times
	if times == 0 {
		times = 1
	}
	return nil, s.failNext(req.Method, req.Fault, times, req.As == "task")
}

func (s *sim) controlExpire(*controlRequest) (interface{}, error) {
	return map[string]int{"expired": s.expireSessions()}, nil
}

func (s *sim) controlAPIVersion(req *controlRequest) (interface{}, error) {
	if _, err := parseVersion(req.Version); err != nil {
		return nil, err
	}
	s.setAPIVersion(req.Version)
	return nil, nil
}

func (s *sim) controlChildResult(req *controlRequest) (interface{}, error) {
	if req.Mode != "ref" && req.Mode != "empty" {
		return nil, fmt.Errorf(`"mode" %q: use "ref" or "empty"`, req.Mode)
	}
	s.mu.Lock()
	s.childResult = req.Mode
	s.mu.Unlock()
	return nil, nil
}

func (s *sim) controlTasksCancelable(req *controlRequest) (interface{}, error) {
	if req.Cancelable == nil {
		return nil, orMissing(nil, "cancelable")
	}
	s.mu.Lock()
	s.tasksCancelable = *req.Cancelable
	s.mu.Unlock()
	return nil, nil
}

// controlChildStaleIP takes {"ms": N} or {"forever": true}.
func (s *sim) controlChildStaleIP(req *controlRequest) (interface{}, error) {
	d := staleForever
	if req.Forever == (req.Ms != nil) {
		return nil, fmt.Errorf(`give "ms" (milliseconds, 0 or more) or "forever": true`)
	}
	if !req.Forever {
		var err error
		if d, err = millis(req); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	s.childStaleIP = d
	s.mu.Unlock()
	return nil, nil
}

// controlTools switches VMware Tools of a VM on or off; reset switches them back on.
func (s *sim) controlTools(req *controlRequest) (interface{}, error) {
	vm, err := s.vmByName(req.VM)
	if err != nil || req.Running == nil {
		return nil, orMissing(err, "running")
	}
	s.mu.Lock()
	if s.toolsOff == nil {
		s.toolsOff = make(map[types.ManagedObjectReference]bool)
	}
	if *req.Running {
		delete(s.toolsOff, vm.Self)
	} else {
		s.toolsOff[vm.Self] = true
		s.undo = append(s.undo, func() { s.restoreTools(vm) })
	}
	s.mu.Unlock()

	if s.powerState(vm) == types.VirtualMachinePowerStatePoweredOn {
		s.setTools(vm, *req.Running)
	}
	return nil, nil
}

// setTools starts or stops VMware Tools in a running guest; without tools vCenter knows no guest IP.
func (s *sim) setTools(vm *simulator.VirtualMachine, running bool) {
	s.setToolsRunning(vm, running)
	if running {
		s.publishAddress(vm, s.currentAddress(vm))
		return
	}
	update(vm, []types.PropertyChange{
		{Name: "guest.ipAddress", Val: nil},
		{Name: "guest.net", Val: nil},
		{Name: "summary.guest.ipAddress", Val: nil},
	})
}

func (s *sim) restoreTools(vm *simulator.VirtualMachine) {
	s.mu.Lock()
	delete(s.toolsOff, vm.Self)
	s.mu.Unlock()
	if s.vm(vm.Self) != nil && s.powerState(vm) == types.VirtualMachinePowerStatePoweredOn {
		s.setTools(vm, true)
	}
}

// controlPower powers a VM on or off outside of any session; reset restores the power state it had before the
// first such change.
func (s *sim) controlPower(req *controlRequest) (interface{}, error) {
	vm, err := s.vmByName(req.VM)
	if err != nil || req.On == nil {
		return nil, orMissing(err, "on")
	}
	was := s.powerState(vm)
	on := *req.On
	if (was == types.VirtualMachinePowerStatePoweredOn) == on {
		return nil, nil
	}
	// Only the first change of a VM is undone, back to the state it had before: undoing each change in turn
	// would power-cycle a VM switched off and on again, which ends a quiesce made since.
	s.mu.Lock()
	if !s.powerChanged[vm.Self] {
		s.powerChanged[vm.Self] = true
		s.undo = append(s.undo, func() {
			if s.vm(vm.Self) != nil {
				_ = s.setPower(vm, !on)
			}
		})
	}
	s.mu.Unlock()
	return nil, s.setPower(vm, on)
}

func (s *sim) setPower(vm *simulator.VirtualMachine, on bool) error {
	state := s.powerState(vm)
	if on && state != types.VirtualMachinePowerStatePoweredOn {
		return s.powerOn(context.Background(), vm)
	}
	if !on && state == types.VirtualMachinePowerStatePoweredOn {
		return s.powerOff(context.Background(), vm)
	}
	return nil
}

// controlCreateVM adds a running VM like the parent (same folder, tools, guest account), so that tests that
// change a parent's state can each have their own.
func (s *sim) controlCreateVM(req *controlRequest) (interface{}, error) {
	if req.Name == "" {
		return nil, fmt.Errorf(`give "name": the new VM's name`)
	}
	parent, err := s.vmByName(s.cfg.parentName)
	if err != nil {
		return nil, err
	}
	at := placementOf(parent)
	s.forkMu.Lock()
	defer s.forkMu.Unlock()
	if taken := nameTaken(at.folder, escapeName(req.Name)); taken != nil {
		return nil, fmt.Errorf("a VM named %q already exists (%s)", req.Name, taken.Value)
	}
	vm, err := s.createVM(context.Background(), escapeName(req.Name), at, true)
	if err != nil {
		return nil, err
	}
	return map[string]string{"ref": vm.Self.Value, "name": vm.Name}, nil
}

func (s *sim) controlReset(*controlRequest) (interface{}, error) {
	s.resetSwitches()
	return nil, nil
}

func orMissing(err error, field string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf(`give %q: true or false`, field)
}
