package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/types"
)

// sim is one running simulator: govmomi's model plus the state of what this program adds.
type sim struct {
	cfg    *config
	model  *simulator.Model
	client *vim25.Client // in-process client of the model, for inventory changes made by the simulator itself
	sdk    http.Handler  // vcsim's own handlers

	mu              sync.Mutex
	apiVersion      string
	taskDelay       time.Duration
	tasksCancelable bool
	responseDelay   time.Duration
	childResult     string
	childStaleIP    time.Duration
	delayed         map[types.ManagedObjectReference]*delayedTask
	injections      map[string][]*injection
	requests        map[string]int64
	logins          int64
	logouts         int64
	sessions        map[string]bool
	toolsOff        map[types.ManagedObjectReference]bool
	powerChanged    map[types.ManagedObjectReference]bool // through the control endpoint since the last reset
	undo            []func()                              // reverts of control-endpoint changes, run by reset

	forkMu   sync.Mutex // serialises child creation, so that two forks cannot both take one name
	guestMu  sync.Mutex
	guests   map[types.ManagedObjectReference]*guestState
	nextIP   int
	parentOf map[types.ManagedObjectReference]types.ManagedObjectReference // fork children only
	origin   map[types.ManagedObjectReference]types.ManagedObjectReference // fork children and instant clones
	children map[types.ManagedObjectReference][]types.ManagedObjectReference
}

func newSim(cfg *config) (*sim, error) {
	// Defined by the copy of vcsim's property collector that build.sh compiles in: vcsim answers a waiting
	// WaitForUpdatesEx only on a ticker, which adds up to this much to every wait for a change.
	simulator.WaitForUpdatesInterval = cfg.updateInterval
	model := simulator.VPX()
	if cfg.esx {
		model = simulator.ESX()
	}
	if err := model.Create(); err != nil {
		return nil, err
	}

	client, err := vim25.NewClient(context.Background(), model.Service)
	if err != nil {
		return nil, err
	}

	s := &sim{
		cfg:      cfg,
		model:    model,
		client:   client,
		guests:   make(map[types.ManagedObjectReference]*guestState),
		parentOf: make(map[types.ManagedObjectReference]types.ManagedObjectReference),
		origin:   make(map[types.ManagedObjectReference]types.ManagedObjectReference),
		children: make(map[types.ManagedObjectReference][]types.ManagedObjectReference),
		delayed:  make(map[types.ManagedObjectReference]*delayedTask),
	}
	s.resetSwitches()
	s.setAPIVersion(cfg.apiVersion)

	if err := s.buildInventory(context.Background()); err != nil {
		s.removeDatastores()
		return nil, err
	}
	return s, nil
}

// resetSwitches ends the tasks still held back by a delay and puts every control-endpoint switch back to the
// value the flags gave.
func (s *sim) resetSwitches() {
	s.endAllDelayed()

	s.mu.Lock()
	undo := s.undo
	s.undo = nil
	s.powerChanged = make(map[types.ManagedObjectReference]bool)
	s.taskDelay = s.cfg.taskDelay
	s.tasksCancelable = s.cfg.tasksCancelable
	s.responseDelay = 0
	s.childResult = s.cfg.childResult
	s.childStaleIP = s.cfg.childStaleIP
	s.injections = make(map[string][]*injection)
	s.requests = make(map[string]int64)
	s.logins, s.logouts = 0, 0
	if s.sessions == nil {
		s.sessions = make(map[string]bool)
	}
	s.mu.Unlock()

	for i := len(undo) - 1; i >= 0; i-- {
		undo[i]()
	}
	s.setAPIVersion(s.cfg.apiVersion)
}

func (s *sim) serviceInstance() *simulator.ServiceInstance {
	return simulator.Map.Get(vim25.ServiceInstance).(*simulator.ServiceInstance)
}

func (s *sim) setAPIVersion(version string) {
	s.mu.Lock()
	s.apiVersion = version
	s.mu.Unlock()

	si := s.serviceInstance()
	simulator.Map.WithLock(si, func() {
		si.Content.About.ApiVersion = version
		si.Content.About.Version = version + ".0"
		product := "VMware vCenter Server"
		if s.cfg.esx {
			product = "VMware ESXi"
		}
		si.Content.About.FullName = fmt.Sprintf("%s %s.0 build-vmfork-simulator", product, version)
	})
}

func (s *sim) currentAPIVersion() apiVersion {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, _ := parseVersion(s.apiVersion)
	return v
}

// serve starts the SOAP and control listeners and returns what the start line reports.
func (s *sim) serve() (*startLine, error) {
	sdkListener, err := net.Listen("tcp", s.cfg.listen)
	if err != nil {
		return nil, fmt.Errorf("-listen %s: %v", s.cfg.listen, err)
	}
	controlListener, err := net.Listen("tcp", s.cfg.controlListen)
	if err != nil {
		return nil, fmt.Errorf("-control-listen %s: %v", s.cfg.controlListen, err)
	}

	var cert *tlsMaterial
	scheme := "http"
	if !s.cfg.plainHTTP {
		if cert, err = newSelfSigned(); err != nil {
			return nil, err
		}
		scheme = "https"
	}

	sdkURL := &url.URL{Scheme: scheme, Host: sdkListener.Addr().String(), Path: vim25.Path}
	s.mountSDK(sdkURL)

	serveOn(sdkListener, s, cert)
	serveOn(controlListener, s.controlHandler(), nil)
	log.Printf("serving %s, control on http://%s", sdkURL, controlListener.Addr())

	line := &startLine{
		URL:           sdkURL.String(),
		User:          s.cfg.username,
		Password:      s.cfg.password,
		Control:       "http://" + controlListener.Addr().String(),
		GuestUser:     s.cfg.guestUser,
		GuestPassword: s.cfg.guestPassword,
		Parent:        s.cfg.parentName,
		APIVersion:    s.cfg.apiVersion,
		APIType:       s.serviceInstance().Content.About.ApiType,
		Pid:           os.Getpid(),
	}
	if cert != nil {
		line.Thumbprint = cert.thumbprint
	}
	return line, nil
}

// mountSDK registers vcsim's handlers the way Service.NewServer does, without its server, so that every
// request passes this program's front handler first.
func (s *sim) mountSDK(sdkURL *url.URL) {
	svc := s.model.Service
	listen := *sdkURL
	listen.User = url.UserPassword(s.cfg.username, s.cfg.password)
	svc.Listen = &listen // vcsim checks logins against Listen.User
	svc.RegisterSDK(simulator.Map)
	simulator.Map.SessionManager().ServiceHostName = sdkURL.Host
	svc.ServeMux.HandleFunc(vim25.Path+"/vimServiceVersions.xml", s.serviceVersions)
	svc.ServeMux.HandleFunc("/about", svc.About)
	s.sdk = svc.ServeMux
}

func (s *sim) serviceVersions(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	version := s.apiVersion
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<namespaces version="1.0"><namespace><name>urn:vim25</name><version>%s</version>`+
		`<priorVersions><version>6.0</version><version>5.5</version></priorVersions></namespace></namespaces>
`, version)
}
