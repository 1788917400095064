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

// startTask creates a task on entity and runs work after the task delay; without a delay it is finished
// before the call returns, as vcsim's own tasks are. The answer carries the task reference.
func (s *sim) startTask(method string, entity types.ManagedObjectReference, work func() outcome) *answer {
	task := simulator.CreateTask(entity, method[:len(method)-len("_Task")]+"Task", nil)
	update(task, []types.PropertyChange{
		{Name: "info.startTime", Val: time.Now()},
		{Name: "info.state", Val: types.TaskInfoStateRunning},
	})

	finish := func() { complete(task, work()) }
	if delay := s.currentTaskDelay(); delay > 0 {
		go func() {
			time.Sleep(delay)
			finish()
		}()
	} else {
		finish()
	}

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
// tasks to the end before it answers the call.
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
	go func() {
		time.Sleep(delay)
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
	}()
}
