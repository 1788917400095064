package main

import (
	"fmt"
	"net/http"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// outcome is how a task of this program ends: a result, or a fault with the message a user would read.
type outcome struct {
	result types.AnyType
	fault  types.BaseMethodFault
	msg    string
}

func failed(fault types.BaseMethodFault, format string, args ...interface{}) outcome {
	return outcome{fault: fault, msg: fmt.Sprintf(format, args...)}
}

func (s *sim) currentTaskDelay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.taskDelay
}

func (s *sim) currentTasksCancelable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tasksCancelable
}

// delayedTask is a task whose end the task delay holds back. Closing stop ends it early; ended is closed once
// its end has run.
type delayedTask struct {
	cancelable bool
	started    bool   // the delay has passed and its end is running: too late to end it early
	why        string // why it was ended early: cancelled by a client, or by a reset
	stop       chan struct{}
	ended      chan struct{}
}

// later runs end when the delay has passed, or at once when the task is ended early by CancelTask or a reset;
// why is then the reason, else empty. Either way end runs exactly once.
func (s *sim) later(task types.ManagedObjectReference, delay time.Duration, cancelable bool, end func(why string)) {
	d := &delayedTask{cancelable: cancelable, stop: make(chan struct{}), ended: make(chan struct{})}
	s.mu.Lock()
	s.delayed[task] = d
	s.mu.Unlock()

	go func() {
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-d.stop:
		}
		s.mu.Lock()
		d.started = true
		why := d.why
		s.mu.Unlock()

		end(why)

		s.mu.Lock()
		delete(s.delayed, task)
		s.mu.Unlock()
		close(d.ended)
	}()
}

// endEarly ends a delayed task now; false when it is not delayed (any more). Called with mu held.
func (s *sim) endEarly(task types.ManagedObjectReference, why string) bool {
	d := s.delayed[task]
	if d == nil || d.started || d.why != "" {
		return false
	}
	d.why = why
	close(d.stop)
	return true
}

// endAllDelayed ends every task still held back and waits until they have ended, so that nothing a test
// started acts after a reset: this program's own tasks are cancelled without their work, vcsim's (whose work
// is done) show their end.
func (s *sim) endAllDelayed() {
	s.mu.Lock()
	var ending []*delayedTask
	for task, d := range s.delayed {
		s.endEarly(task, "The task was canceled: the simulator was reset.")
		ending = append(ending, d)
	}
	s.mu.Unlock()

	for _, d := range ending {
		<-d.ended
	}
}

// cancelTask is CancelTask as vCenter answers it: a cancelable task that is still running ends in
// RequestCanceled (asynchronously, here at once); a finished one is InvalidState; any other NotSupported.
func (s *sim) cancelTask(_ *http.Request, body []byte, call soapCall) *answer {
	var req types.CancelTask
	if a := decodeRequest(body, &req); a != nil {
		return a
	}
	task, ok := simulator.Map.Get(call.this).(*simulator.Task)
	if !ok {
		return faultAnswer("The object '"+call.this.Value+"' has already been deleted or has not been completely "+
			"created", &types.ManagedObjectNotFound{Obj: call.this})
	}

	s.mu.Lock()
	d := s.delayed[task.Self]
	// Cancelling a task that is being cancelled is no error: vCenter treats repeated requests as one.
	ended := d != nil && d.cancelable && (d.why != "" || s.endEarly(task.Self, "The task was canceled by a user."))
	s.mu.Unlock()
	if ended {
		return encodedAnswer("CancelTaskResponse", &struct{}{})
	}

	var state types.TaskInfoState
	simulator.Map.WithLock(task, func() { state = task.Info.State })
	if state == types.TaskInfoStateSuccess || state == types.TaskInfoStateError {
		return faultAnswer("The operation is not allowed in the current state: task "+task.Self.Value+
			" has already ended.", &types.InvalidState{})
	}
	return faultAnswer("The operation is not supported on the object: task "+task.Self.Value+
		" cannot be cancelled.", &types.NotSupported{})
}

// cancelled ends a task in RequestCanceled, as vCenter ends a cancelled one.
func cancelled(task *simulator.Task, why string) {
	update(task, []types.PropertyChange{{Name: "info.cancelled", Val: true}, {Name: "info.cancelable", Val: false}})
	complete(task, failed(&types.RequestCanceled{}, "%s", why))
}

// startTask creates a task on entity and runs work after the task delay; without a delay it is finished
// before the call returns, as vcsim's own tasks are. The answer carries the task reference. A delayed task is
// cancelable (unless -tasks-cancelable=false) until its work begins: cancelled, it ends in RequestCanceled and
// its work never runs.
func (s *sim) startTask(method string, entity types.ManagedObjectReference, work func() outcome) *answer {
	task := simulator.CreateTask(entity, method[:len(method)-len("_Task")]+"Task", nil)
	delay := s.currentTaskDelay()
	cancelable := delay > 0 && s.currentTasksCancelable()
	update(task, []types.PropertyChange{
		{Name: "info.startTime", Val: time.Now()},
		{Name: "info.state", Val: types.TaskInfoStateRunning},
		{Name: "info.cancelable", Val: cancelable},
	})

	if delay <= 0 {
		complete(task, work())
		return taskAnswer(method, task.Self)
	}
	s.later(task.Self, delay, cancelable, func(why string) {
		if why != "" {
			cancelled(task, why)
			return
		}
		update(task, []types.PropertyChange{{Name: "info.cancelable", Val: false}})
		complete(task, work())
	})
	return taskAnswer(method, task.Self)
}

func taskAnswer(method string, ref types.ManagedObjectReference) *answer {
	payload, err := encodeResponse(method+"Response", &struct {
		Returnval types.ManagedObjectReference `xml:"returnval"`
	}{ref})
	if err != nil {
		return faultAnswer(err.Error(), &types.SystemError{Reason: err.Error()})
	}
	return soapAnswer(http.StatusOK, payload)
}

func complete(task *simulator.Task, o outcome) {
	state := types.TaskInfoStateSuccess
	var fault interface{}
	if o.fault != nil {
		state = types.TaskInfoStateError
		fault = types.LocalizedMethodFault{Fault: o.fault, LocalizedMessage: o.msg}
	}
	update(task, []types.PropertyChange{
		{Name: "info.completeTime", Val: time.Now()},
		{Name: "info.state", Val: state},
		{Name: "info.result", Val: o.result},
		{Name: "info.error", Val: fault},
	})
}

type referencer interface {
	Reference() types.ManagedObjectReference
}

func update(obj referencer, changes []types.PropertyChange) {
	ref := simulator.Map.Get(obj.Reference())
	if ref == nil {
		return
	}
	simulator.Map.WithLock(ref, func() { simulator.Map.Update(ref, changes) })
}

// holdBack makes a task that vcsim has already finished look running for the task delay: vcsim runs its
// tasks to the end before it answers the call. Such a task cannot be cancelled, its work being done.
func (s *sim) holdBack(ref types.ManagedObjectReference) {
	delay := s.currentTaskDelay()
	task, ok := simulator.Map.Get(ref).(*simulator.Task)
	if delay <= 0 || !ok {
		return
	}

	var done types.TaskInfo
	simulator.Map.WithLock(task, func() { done = task.Info })
	if done.State != types.TaskInfoStateSuccess && done.State != types.TaskInfoStateError {
		return
	}

	update(task, []types.PropertyChange{
		{Name: "info.state", Val: types.TaskInfoStateRunning},
		{Name: "info.completeTime", Val: nil},
		{Name: "info.result", Val: nil},
		{Name: "info.error", Val: nil},
	})
	s.later(ref, delay, false, func(string) {
		var fault interface{}
		if done.Error != nil {
			fault = *done.Error
		}
		update(task, []types.PropertyChange{
			{Name: "info.completeTime", Val: done.CompleteTime},
			{Name: "info.state", Val: done.State},
			{Name: "info.result", Val: done.Result},
			{Name: "info.error", Val: fault},
		})
	})
}
