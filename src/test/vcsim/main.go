// Command vmfork-vcsim is a vCenter simulator for the vmfork tests and demo: govmomi's vcsim plus the private
// VMFork calls, Instant Clone, the guest programs of the quiesce, an API 6.0 view of the SOAP answers and a
// loopback control endpoint for fault injection.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type config struct {
	listen          string
	controlListen   string
	plainHTTP       bool
	username        string
	password        string
	guestUser       string
	guestPassword   string
	apiVersion      string
	esx             bool
	childResult     string
	childPoweredOn  bool
	childStaleIP    time.Duration
	taskDelay       time.Duration
	tasksCancelable bool
	quiesceDelay    time.Duration
	updateInterval  time.Duration
	parentName      string
	exitOnStdinEOF  bool
}

// startLine is the one machine-readable line printed on stdout once the simulator serves.
type startLine struct {
	URL           string `json:"url"`
	User          string `json:"user"`
	Password      string `json:"password"`
	Thumbprint    string `json:"thumbprint,omitempty"`
	Control       string `json:"control"`
	GuestUser     string `json:"guestUser"`
	GuestPassword string `json:"guestPassword"`
	Parent        string `json:"parent"`
	APIVersion    string `json:"apiVersion"`
	APIType       string `json:"apiType"`
	Pid           int    `json:"pid"`
}

func parseFlags(args []string) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("vmfork-vcsim", flag.ContinueOnError)
	fs.StringVar(&c.listen, "listen", "127.0.0.1:0", "SOAP address, loopback only (port 0 picks a free port)")
	fs.StringVar(&c.controlListen, "control-listen", "127.0.0.1:0", "control endpoint address, loopback only")
	fs.BoolVar(&c.plainHTTP, "http", false, "serve plain HTTP instead of HTTPS")
	fs.StringVar(&c.username, "username", "vmfork@vsphere.local", "login user name")
	fs.StringVar(&c.password, "password", "vmfork-pass", "login password")
	fs.StringVar(&c.guestUser, "guest-user", "vmfork", "guest account user name of every VM")
	fs.StringVar(&c.guestPassword, "guest-password", "vmfork-guest", "guest account password of every VM")
	fs.StringVar(&c.apiVersion, "api-version", "6.5", "about.apiVersion, e.g. 6.0, 6.5, 6.7, 7.0")
	fs.BoolVar(&c.esx, "esx", false, "simulate an ESXi host (apiType HostAgent) instead of a vCenter")
	fs.StringVar(&c.childResult, "child-result", "ref", "CreateForkChild_Task info.result: ref or empty")
	fs.BoolVar(&c.childPoweredOn, "child-powered-on", false, "fork children come up running instead of powered off")
	fs.Var((*staleIPFlag)(&c.childStaleIP), "child-stale-ip",
		"for this long (or forever) after its first power-on a clone reports the IP of the VM it was cloned from")
	fs.DurationVar(&c.taskDelay, "task-delay", 0, "every task stays running this long, e.g. 500ms")
	fs.BoolVar(&c.tasksCancelable, "tasks-cancelable", true,
		"CancelTask ends a task of the simulator while its task delay holds it back")
	fs.DurationVar(&c.quiesceDelay, "quiesce-delay", 200*time.Millisecond,
		"time between vmfork-begin / instantclone.freeze and the frozen guest")
	fs.DurationVar(&c.updateInterval, "update-interval", 250*time.Millisecond,
		"how long vcsim's PropertyCollector gathers changes before WaitForUpdatesEx answers (vcsim's own is 250ms)")
	fs.StringVar(&c.parentName, "parent", "vmfork-parent", "name of the prepared parent VM")
	fs.BoolVar(&c.exitOnStdinEOF, "exit-on-stdin-eof", true,
		"exit when stdin closes (so a crashed test JVM leaves no simulator behind)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q: all options are flags, see -help", fs.Arg(0))
	}
	return c, c.validate()
}

// staleForever as -child-stale-ip keeps a clone reporting its origin's IP until it is power-cycled.
const staleForever time.Duration = -1

// staleIPFlag is -child-stale-ip: a duration such as 2s, or forever.
type staleIPFlag time.Duration

func (f *staleIPFlag) String() string {
	if f == nil {
		return "0s"
	}
	if time.Duration(*f) == staleForever {
		return "forever"
	}
	return time.Duration(*f).String()
}

func (f *staleIPFlag) Set(value string) error {
	if value == "forever" {
		*f = staleIPFlag(staleForever)
		return nil
	}
	d, err := time.ParseDuration(value)
	if err != nil || d < 0 {
		return fmt.Errorf("%q: use a duration such as 2s, or forever", value)
	}
	*f = staleIPFlag(d)
	return nil
}

func (c *config) validate() error {
	if _, err := parseVersion(c.apiVersion); err != nil {
		return err
	}
	if c.childResult != "ref" && c.childResult != "empty" {
		return fmt.Errorf("-child-result %q: use ref or empty", c.childResult)
	}
	if c.updateInterval <= 0 {
		return fmt.Errorf("-update-interval %s: must be positive, e.g. 10ms", c.updateInterval)
	}
	if c.username == "" || c.password == "" {
		return fmt.Errorf("-username and -password must not be empty")
	}
	if c.guestUser == "" {
		return fmt.Errorf("-guest-user must not be empty")
	}
	for _, addr := range []string{c.listen, c.controlListen} {
		if err := requireLoopback(addr); err != nil {
			return err
		}
	}
	return nil
}

// requireLoopback refuses addresses other machines could reach: the simulator accepts any change from anyone.
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %v (use host:port, e.g. 127.0.0.1:0)", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("listen address %q is not a loopback address: use 127.0.0.1 or [::1]", addr)
	}
	return nil
}

func main() {
	log.SetPrefix("vmfork-vcsim: ")
	cfg, err := parseFlags(os.Args[1:])
	if err == flag.ErrHelp {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vmfork-vcsim:", err)
		os.Exit(2)
	}

	s, err := newSim(cfg)
	if err != nil {
		log.Fatalf("cannot build the inventory: %v", err)
	}

	line, err := s.serve()
	if err != nil {
		s.removeDatastores()
		log.Fatalf("cannot serve: %v", err)
	}

	out, _ := json.Marshal(line)
	fmt.Println(string(out))

	waitForEnd(cfg.exitOnStdinEOF)
	s.removeDatastores()
	log.Print("stopped")
}

// waitForEnd blocks until SIGTERM/SIGINT or, when asked, until stdin reaches end of file.
func waitForEnd(watchStdin bool) {
	done := make(chan string, 2)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() { done <- (<-signals).String() }()
	if watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
			done <- "end of stdin"
		}()
	}
	log.Printf("stopping on %s", <-done)
}

func serveOn(l net.Listener, h http.Handler, tlsCert *tlsMaterial) {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 30 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	if tlsCert != nil {
		srv.TLSConfig = tlsCert.config
		go func() { _ = srv.ServeTLS(l, "", "") }()
		return
	}
	go func() { _ = srv.Serve(l) }()
}
