package main

import (
	"bytes"
	stdxml "encoding/xml"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

const (
	envelopeStart = xml.Header + `<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"` +
		` xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>`
	envelopeEnd = `</soapenv:Body></soapenv:Envelope>`
)

// soapCall is what the front handler needs to know of a request before deciding who answers it.
type soapCall struct {
	method string
	this   types.ManagedObjectReference
}

// parseCall reads the method name and its _this argument without decoding the whole body.
func parseCall(body []byte) (soapCall, error) {
	var call soapCall
	d := stdxml.NewDecoder(bytes.NewReader(body))
	inBody := false
	for {
		tok, err := d.Token()
		if err != nil {
			return call, fmt.Errorf("no SOAP method in the request: %v", err)
		}
		start, ok := tok.(stdxml.StartElement)
		if !ok {
			continue
		}
		if !inBody {
			inBody = start.Name.Local == "Body"
			continue
		}
		if call.method == "" {
			call.method = start.Name.Local
			continue
		}
		if start.Name.Local == "_this" {
			for _, a := range start.Attr {
				if a.Name.Local == "type" {
					call.this.Type = a.Value
				}
			}
			var value string
			if err := d.DecodeElement(&value, &start); err == nil {
				call.this.Value = strings.TrimSpace(value)
			}
		}
		return call, nil
	}
}

// envelope wraps one encoded body element into a SOAP envelope shaped like vcsim's own answers.
func envelope(inner []byte) []byte {
	var out bytes.Buffer
	out.WriteString(envelopeStart)
	out.Write(inner)
	out.WriteString(envelopeEnd)
	return out.Bytes()
}

// encodeResponse encodes v as <name xmlns="urn:vim25"> inside an envelope.
func encodeResponse(name string, v interface{}) ([]byte, error) {
	var buf bytes.Buffer
	e := xml.NewEncoder(&buf)
	start := xml.StartElement{Name: xml.Name{Space: "urn:vim25", Local: name}}
	if err := e.EncodeElement(v, start); err != nil {
		return nil, err
	}
	if err := e.Flush(); err != nil {
		return nil, err
	}
	return envelope(buf.Bytes()), nil
}

// encodeFault encodes a SOAP fault the way vCenter does: faultstring plus a typed detail element.
func encodeFault(msg string, fault types.BaseMethodFault) []byte {
	kind := reflect.TypeOf(fault).Elem().Name()
	var buf bytes.Buffer
	buf.WriteString(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>`)
	_ = xml.EscapeText(&buf, []byte(msg))
	buf.WriteString(`</faultstring><detail>`)
	e := xml.NewEncoder(&buf)
	start := xml.StartElement{
		Name: xml.Name{Local: kind + "Fault"},
		Attr: []xml.Attr{
			{Name: xml.Name{Local: "xmlns"}, Value: "urn:vim25"},
			{Name: xml.Name{Local: "xsi:type"}, Value: kind},
		},
	}
	if err := e.EncodeElement(fault, start); err == nil {
		_ = e.Flush()
	}
	buf.WriteString(`</detail></soapenv:Fault>`)
	return envelope(buf.Bytes())
}

// apiVersion is a comparable major.minor version.
type apiVersion struct{ major, minor int }

func (v apiVersion) less(o apiVersion) bool {
	return v.major < o.major || (v.major == o.major && v.minor < o.minor)
}

var versionPattern = regexp.MustCompile(`^(\d+)\.(\d+)(\.\d+)?$`)

func parseVersion(s string) (apiVersion, error) {
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return apiVersion{}, fmt.Errorf("API version %q: use major.minor such as 6.0, 6.5, 6.7 or 7.0", s)
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return apiVersion{major, minor}, nil
}

var v60 = apiVersion{6, 0}

// clientVersion is the vim25 version a client asks for in its SOAPAction header ("urn:vim25/6.0"). vCenter
// answers a client without that header in its oldest form; this simulator takes 6.0 as the oldest.
func clientVersion(soapAction string) apiVersion {
	action := strings.Trim(soapAction, `" `)
	if v, err := parseVersion(strings.TrimPrefix(action, "urn:vim25/")); err == nil {
		return v
	}
	return v60
}

// newerFields are data object fields of govmomi 0.24.2 that vim25 6.0 lacks and that appear in answers the
// plugin reads. vCenter leaves them out for older clients, and yavijava 6.0.05 fails on any field it does not
// know, so they are cut from answers to clients that ask for an older version.
var newerFields = map[string]apiVersion{
	"parentForkGroupId":  {6, 5},
	"toolsInstallType":   {6, 5},
	"instantCloneFrozen": {6, 7},
	"hwVersion":          {7, 0},
}

var fieldPatterns = func() map[string]*regexp.Regexp {
	m := make(map[string]*regexp.Regexp)
	for name := range newerFields {
		m[name] = regexp.MustCompile(`<` + name + `(\s[^>]*)?(/>|>[^<]*</` + name + `>)`)
	}
	return m
}()

func stripNewerFields(payload []byte, client apiVersion) []byte {
	for name, since := range newerFields {
		if client.less(since) && bytes.Contains(payload, []byte("<"+name)) {
			payload = fieldPatterns[name].ReplaceAll(payload, nil)
		}
	}
	return payload
}

// serviceContent60 lists the ServiceContent fields of vim25 6.0; vCenter 6.5 and later add managers that
// a 6.0 client cannot parse (vStorageObjectManager, cryptoManager, healthUpdateManager, ...).
var serviceContent60 = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`rootFolder propertyCollector viewManager about setting userDirectory
		sessionManager authorizationManager serviceManager perfManager scheduledTaskManager alarmManager
		eventManager taskManager extensionManager customizationSpecManager customFieldsManager accountManager
		diagnosticManager licenseManager searchIndex fileManager datastoreNamespaceManager virtualDiskManager
		virtualizationManager snmpSystem vmProvisioningChecker vmCompatibilityChecker ovfManager ipPoolManager
		dvSwitchManager hostProfileManager clusterProfileManager complianceManager localizationManager
		storageResourceManager guestOperationsManager overheadMemoryManager certificateManager
		ioFilterManager`) {
		serviceContent60[name] = true
	}
}

// contentFor60 returns a copy of content without the fields vim25 6.0 does not have.
func contentFor60(content types.ServiceContent) types.ServiceContent {
	v := reflect.ValueOf(&content).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name := strings.Split(t.Field(i).Tag.Get("xml"), ",")[0]
		if name != "" && !serviceContent60[name] {
			v.Field(i).Set(reflect.Zero(t.Field(i).Type))
		}
	}
	return content
}

var refAttributes = regexp.MustCompile(`((?:xsi|XMLSchema-instance):type="ManagedObjectReference") type="([^"]*)"`)

// referenceTypeFirst writes a typed ManagedObjectReference the way vCenter does, type before xsi:type.
// yavijava (dom4j) looks attributes up by local name and takes the first "type" it meets, so the other
// order turns a VirtualMachine reference into one of type "ManagedObjectReference".
func referenceTypeFirst(payload []byte) []byte {
	if !bytes.Contains(payload, []byte(`:type="ManagedObjectReference" type=`)) {
		return payload
	}
	return refAttributes.ReplaceAll(payload, []byte(`type="$2" $1`))
}
