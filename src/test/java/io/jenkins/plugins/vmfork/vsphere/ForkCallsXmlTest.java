package io.jenkins.plugins.vmfork.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.vmware.vim25.ws.Argument;
import io.jenkins.plugins.vmfork.vsphere.ForkCalls.Placement;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.junit.jupiter.api.Test;

/** The SOAP bodies of the private VMFork call and of InstantClone_Task, exactly as the transport posts them. */
class ForkCallsXmlTest {

    private static final Placement IN_FOLDER = new Placement(
            Refs.of("Folder", "group-v9"), Refs.of("ResourcePool", "resgroup-3"), Refs.of("Datastore", "datastore-4"));

    @Test
    void createForkChildSendsNameThenATypedSpecWithFieldsInWsdlOrder() throws Exception {
        Argument[] args =
                ForkCalls.createForkChildArguments(Refs.vm("vm-42"), "ci-7-abc123", true, params(), IN_FOLDER);

        Element call = body("CreateForkChild_Task", args);

        assertThat(call.getNamespaceURI()).isEqualTo("urn:vim25");
        assertThat(names(call)).containsExactly("_this", "name", "spec");
        assertThat(call.element("_this").attributeValue("type")).isEqualTo("VirtualMachine");
        assertThat(call.element("_this").getText()).isEqualTo("vm-42");
        assertThat(call.elementText("name")).isEqualTo("ci-7-abc123");
        Element spec = call.element("spec");
        assertThat(xsiType(spec)).isEqualTo("VirtualMachineCreateChildSpec");
        assertThat(names(spec)).containsExactly("location", "persistent", "configParams", "configParams");
        assertThat(spec.elementText("persistent")).isEqualTo("true");
        assertThat(names(spec.element("location"))).containsExactly("folder", "datastore", "pool");
        assertThat(spec.element("location").element("pool").attributeValue("type"))
                .isEqualTo("ResourcePool");
    }

    @Test
    void configParamsAreKeyValuePairsWithXmlSpecialCharactersEscaped() throws Exception {
        Element spec = body(
                        "CreateForkChild_Task",
                        ForkCalls.createForkChildArguments(Refs.vm("vm-42"), "c", false, params(), null))
                .element("spec");

        List<Element> options = spec.elements("configParams");
        assertThat(names(options.get(0))).containsExactly("key", "value");
        assertThat(options.get(0).elementText("key")).isEqualTo("guestinfo.vmfork.job");
        assertThat(options.get(0).elementText("value")).isEqualTo("a & b <c> \"d\" 'e'");
        assertThat(xsiType(options.get(0).element("value"))).isEqualTo("xsd:string");
        assertThat(names(spec.element("location"))).isEmpty();
    }

    @Test
    void instantCloneSendsOneTypedSpecWithNameLocationAndConfig() throws Exception {
        Element call = body(
                "InstantClone_Task", ForkCalls.instantCloneArguments(Refs.vm("vm-42"), "ic-1", params(), IN_FOLDER));

        assertThat(names(call)).containsExactly("_this", "spec");
        Element spec = call.element("spec");
        assertThat(xsiType(spec)).isEqualTo("VirtualMachineInstantCloneSpec");
        assertThat(names(spec)).containsExactly("name", "location", "config", "config");
        assertThat(spec.elementText("name")).isEqualTo("ic-1");
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("guestinfo.vmfork.job", "a & b <c> \"d\" 'e'");
        params.put("guestinfo.vmfork.build", "7");
        return params;
    }

    private static Element body(String method, Argument[] args) throws Exception {
        Endpoint endpoint = new Endpoint(
                "https://127.0.0.1:1/sdk",
                "u",
                "p",
                Endpoint.Tls.ANY,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        String xml = new SoapTransport(endpoint).marshall(method, args);
        Document document = new SAXReader().read(new StringReader(xml));
        Element call = document.getRootElement().element("Body").elements().get(0);
        assertThat(call.getName()).isEqualTo(method);
        return call;
    }

    private static List<String> names(Element element) {
        return element.elements().stream().map(Element::getName).toList();
    }

    private static String xsiType(Element element) {
        return element.attributeValue(org.dom4j.QName.get("type", "xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    }
}
