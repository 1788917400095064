package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// answer is a complete HTTP answer, held back until the response delay has passed.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func soapAnswer(status int, body []byte) *answer {
	h := make(http.Header)
	h.Set("Content-Type", "text/xml; charset=utf-8")
	return &answer{status: status, header: h, body: body}
}

func faultAnswer(msg string, fault types.BaseMethodFault) *answer {
	return soapAnswer(http.StatusInternalServerError, encodeFault(msg, fault))
}

// handler answers one of the methods that this program adds to vcsim.
type handler func(s *sim, r *http.Request, body []byte, call soapCall) *answer

var handlers = map[string]handler{
	"EnableForkParent_Task":     (*sim).enableForkParent,
	"DisableForkParent_Task":    (*sim).disableForkParent,
	"CreateForkChild_Task":      (*sim).createForkChild,
	"RetrieveForkChildren_Task": (*sim).retrieveForkChildren,
	"RetrieveForkParent_Task":   (*sim).retrieveForkParent,
	"InstantClone_Task":         (*sim).instantClone,
	"StartProgramInGuest":       (*sim).startProgramInGuest,
	"ListProcessesInGuest":      (*sim).listProcessesInGuest,
	"CancelTask":                (*sim).cancelTask,
}

// ServeHTTP is the front of the SOAP endpoint: counting, injected faults, the added methods, the API 6.0
// view and slow answers; everything else goes to vcsim unchanged.
func (s *sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, "/sdk") ||
		r.URL.Path == "/sdk/vimServiceVersions.xml" {
		s.sdk.ServeHTTP(w, r)
		return
	}

	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}

	call, err := parseCall(body)
	var a *answer
	if err != nil {
		a = faultAnswer(err.Error(), &types.InvalidRequest{})
	} else {
		s.count(call.method)
		a = s.dispatch(r, body, call)
	}

	a.body = referenceTypeFirst(stripNewerFields(a.body, clientVersion(r.Header.Get("SOAPAction"))))
	s.mu.Lock()
	delay := s.responseDelay
	s.mu.Unlock()
	time.Sleep(delay)

	for k, v := range a.header {
		w.Header()[k] = v
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(a.status)
	_, _ = w.Write(a.body)
}

func (s *sim) count(method string) {
	s.mu.Lock()
	s.requests[method]++
	s.mu.Unlock()
}

func (s *sim) dispatch(r *http.Request, body []byte, call soapCall) *answer {
	if inj := s.takeInjection(call.method); inj != nil {
		return s.injectedAnswer(inj, call)
	}

	if call.method == "RetrieveServiceContent" && !v60.less(clientVersion(r.Header.Get("SOAPAction"))) {
		return s.retrieveServiceContent60()
	}

	if h, ok := handlers[call.method]; ok {
		if !s.authenticated(r) {
			return notAuthenticated(call)
		}
		return h(s, r, body, call)
	}

	// vcsim answers these without a session, each property "missing" with NotAuthenticated; vCenter fails the
	// whole call, which is what a client notices and logs in again for.
	if propertyReads[call.method] && !s.authenticated(r) {
		return notAuthenticated(call)
	}

	return s.passThrough(r, body, call)
}

var propertyReads = map[string]bool{"RetrieveProperties": true, "RetrievePropertiesEx": true}

func notAuthenticated(call soapCall) *answer {
	return faultAnswer("The session is not authenticated.", &types.NotAuthenticated{
		NoPermission: types.NoPermission{Object: call.this, PrivilegeId: "System.View"},
	})
}

func (s *sim) retrieveServiceContent60() *answer {
	si := s.serviceInstance()
	var content types.ServiceContent
	simulator.Map.WithLock(si, func() { content = si.Content })
	payload, err := encodeResponse("RetrieveServiceContentResponse",
		&types.RetrieveServiceContentResponse{Returnval: contentFor60(content)})
	if err != nil {
		return faultAnswer(err.Error(), &types.SystemError{Reason: err.Error()})
	}
	return soapAnswer(http.StatusOK, payload)
}

func sessionCookie(r *http.Request) string {
	if c, err := r.Cookie(soap.SessionCookieName); err == nil {
		return c.Value
	}
	return ""
}

func (s *sim) authenticated(r *http.Request) bool {
	key := sessionCookie(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	return key != "" && s.sessions[key]
}

var loginMethods = map[string]bool{
	"Login": true, "LoginByToken": true, "LoginExtensionByCertificate": true, "CloneSession": true,
}

var taskReturn = regexp.MustCompile(`<returnval type="Task">([^<]+)</returnval>`)

// passThrough lets vcsim answer, then keeps the session count, boots or stops the guest of a VM whose power
// state the call changed, and holds a finished task back for the task delay.
func (s *sim) passThrough(r *http.Request, body []byte, call soapCall) *answer {
	vm := s.vm(call.this)
	var before types.VirtualMachinePowerState
	if vm != nil {
		before = s.powerState(vm)
	}

	req := r.Clone(r.Context())
	req.Body = io.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	s.sdk.ServeHTTP(rec, req)
	a := &answer{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}

	if a.status == http.StatusOK {
		s.trackSession(r, body, rec, call.method)
	}

	if vm != nil {
		s.afterPowerChange(vm, before)
	}

	if m := taskReturn.FindSubmatch(a.body); m != nil && a.status == http.StatusOK {
		s.holdBack(types.ManagedObjectReference{Type: "Task", Value: string(m[1])})
	}
	return a
}

func (s *sim) trackSession(r *http.Request, body []byte, rec *httptest.ResponseRecorder, method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if loginMethods[method] {
		for _, c := range rec.Result().Cookies() {
			if c.Name == soap.SessionCookieName {
				s.sessions[c.Value] = true
				s.logins++
			}
		}
	}
	if method == "Logout" {
		delete(s.sessions, sessionCookie(r))
		s.logouts++
	}
	if method == "TerminateSession" {
		for _, m := range terminatedSession.FindAllSubmatch(body, -1) {
			delete(s.sessions, string(m[1]))
		}
	}
}

var terminatedSession = regexp.MustCompile(`<sessionId>([^<]+)</sessionId>`)

// expireSessions ends every session in vcsim, as an idle timeout or a vCenter restart does.
func (s *sim) expireSessions() int {
	s.mu.Lock()
	keys := make([]string, 0, len(s.sessions))
	for k := range s.sessions {
		keys = append(keys, k)
	}
	s.sessions = make(map[string]bool)
	s.mu.Unlock()

	ctx := &simulator.Context{Session: &simulator.Session{UserSession: types.UserSession{Key: "vmfork-control"}}}
	sm := simulator.Map.SessionManager()
	for _, k := range keys {
		sm.TerminateSession(ctx, &types.TerminateSession{SessionId: []string{k}})
	}
	return len(keys)
}
