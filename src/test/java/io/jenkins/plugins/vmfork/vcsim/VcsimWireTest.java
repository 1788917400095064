package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SOAP answers as bytes on the wire: what a client of vim25 6.0 gets (yavijava fails on any field it does not
 * know) and what a newer client gets.
 */
class VcsimWireTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension("-http");

    private static final String V60 = "urn:vim25/6.0";
    private static final String V67 = "urn:vim25/6.7";

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private Vcsim vcsim;

    @BeforeEach
    void simulator() {
        vcsim = VCSIM.vcsim();
    }

    @Test
    void aClientOfVersion60GetsTheServiceContentOf60() throws Exception {
        String content = "<RetrieveServiceContent xmlns=\"urn:vim25\">"
                + "<_this type=\"ServiceInstance\">ServiceInstance</_this></RetrieveServiceContent>";

        assertThat(post(content, V60))
                .contains("<propertyCollector", "<guestOperationsManager")
                .doesNotContain("vStorageObjectManager", "cryptoManager", "healthUpdateManager");
        assertThat(post(content, null)).doesNotContain("vStorageObjectManager");
        assertThat(post(content, V67)).contains("vStorageObjectManager", "cryptoManager");
    }

    @Test
    void theForkGroupOfAParentIsLeftOutForA60Client() throws Exception {
        String vm = vcsim.createVm("wire-parent");
        login();
        String task = returnedTask(post(
                "<EnableForkParent_Task xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm
                        + "</_this></EnableForkParent_Task>",
                V60));
        assertThat(property("Task", task, "info.state", V60)).contains(">success<");

        String for60 = property("VirtualMachine", vm, "config.forkConfigInfo", V60);
        String for65 = property("VirtualMachine", vm, "config.forkConfigInfo", "urn:vim25/6.5");

        assertThat(for60).contains("<parentEnabled>true</parentEnabled>").doesNotContain("parentForkGroupId");
        assertThat(for65).containsPattern("<parentForkGroupId>[0-9a-f-]{36}</parentForkGroupId>");
    }

    @Test
    void aReferenceValueCarriesItsTypeBeforeItsXsiType() throws Exception {
        String vm = vcsim.createVm("wire-power");
        login();
        String task = returnedTask(post(
                "<PowerOffVM_Task xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm
                        + "</_this></PowerOffVM_Task>",
                V60));

        String entity = property("Task", task, "info.entity", V60);

        assertThat(entity).containsPattern("<val [^>]*type=\"VirtualMachine\" [^>]*:type=\"ManagedObjectReference\"");
    }

    private void login() throws Exception {
        String answer = post(
                "<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this>" + "<userName>"
                        + vcsim.user() + "</userName><password>" + vcsim.password() + "</password></Login>",
                V60);
        assertThat(answer).contains("<LoginResponse");
    }

    private String property(String type, String id, String path, String action) throws Exception {
        return post(
                "<RetrieveProperties xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector"
                        + "</_this><specSet><propSet><type>" + type + "</type><pathSet>" + path + "</pathSet></propSet>"
                        + "<objectSet><obj type=\"" + type + "\">" + id + "</obj></objectSet></specSet>"
                        + "</RetrieveProperties>",
                action);
    }

    private static String returnedTask(String answer) {
        Matcher task =
                Pattern.compile("<returnval type=\"Task\">([^<]+)</returnval>").matcher(answer);
        assertThat(task.find()).as("a task in %s", answer).isTrue();
        return task.group(1);
    }

    private String post(String body, String soapAction) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vcsim.url()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>"));
        if (soapAction != null) {
            request.header("SOAPAction", soapAction);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
