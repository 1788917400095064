package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.MethodFault;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.SoapFaultException;
import com.vmware.vim25.ws.WSClient;
import com.vmware.vim25.ws.XmlGen;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;

/**
 * yavijava's SOAP client with vmfork's own HTTP exchange. yavijava's keeps one TLS context for the whole JVM (the
 * first trust manager wins), logs request bodies (the login password) at trace level, and never takes a new session
 * cookie once it has one; this one uses the endpoint's own socket factory, logs method names and times only, and
 * keeps the cookie vCenter last set. It logs no request body, since the Login request holds the password.
 */
final class SoapTransport extends WSClient {

    private static final Logger LOG = Logger.getLogger(SoapTransport.class.getName());

    private final SSLSocketFactory socketFactory;

    SoapTransport(Endpoint endpoint) throws IOException {
        super(endpoint.url(), false, null);
        this.socketFactory = endpoint.url().startsWith("https:") ? TlsTrust.socketFactory(endpoint) : null;
        setVimNameSpace(ServiceInstance.VIM25_NAMESPACE);
        setConnectTimeout((int) endpoint.connectTimeout().toMillis());
        setReadTimeout((int) endpoint.readTimeout().toMillis());
    }

    /** Like yavijava's, but without logging every fault as an error with a stack trace. */
    @Override
    public Object invoke(String methodName, Argument[] paras, String returnType) throws RemoteException {
        long start = System.nanoTime();
        try (InputStream in = post(marshall(methodName, paras))) {
            return unMarshall(returnType, in);
        } catch (RemoteException e) {
            throw e;
        } catch (Exception e) {
            throw new RemoteException("Calling " + methodName + " failed: " + e.getMessage(), e);
        } finally {
            LOG.fine(() -> methodName + " answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** The SOAP request; yavijava's own logs the whole body, the login password with it, at trace level. */
    @Override
    public String marshall(String methodName, Argument[] paras) {
        return XmlGen.toXML(methodName, paras, getVimNameSpace());
    }

    /** Calls a method and returns its response element as XML, for answers yavijava 6.0 cannot map to types. */
    Element invokeElement(String methodName, Argument[] paras) throws RemoteException {
        byte[] answer;
        try (InputStream in = post(marshall(methodName, paras))) {
            answer = in.readAllBytes();
        } catch (IOException e) {
            throw new RemoteException("Calling " + methodName + " failed", e);
        }
        Element response =
                parse(answer).getRootElement().element("Body").elements().get(0);
        if (response.getName().contains("Fault")) {
            throw fault(answer);
        }
        return response;
    }

    private RemoteException fault(byte[] answer) {
        try {
            unMarshall(null, new ByteArrayInputStream(answer));
            return new RemoteException("vCenter answered with a fault that could not be read");
        } catch (RemoteException e) {
            return e;
        } catch (Exception e) {
            return new RemoteException("vCenter answered with a fault that could not be read", e);
        }
    }

    @Override
    protected InputStream post(String soapMessage) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) getBaseUrl().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(socketFactory);
        }
        connection.setConnectTimeout(getConnectTimeout());
        connection.setReadTimeout(getReadTimeout());
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("SOAPAction", soapAction == null ? "" : soapAction);
        connection.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
        String session = cookie;
        if (session != null) {
            connection.setRequestProperty("Cookie", session);
        }

        byte[] body = soapMessage.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }

        int status = connection.getResponseCode();
        InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (answer == null) {
            throw new IOException("vCenter answered HTTP " + status + " without a body");
        }
        String setCookie = connection.getHeaderField("Set-Cookie");
        if (setCookie != null) {
            cookie = setCookie.split(";", 2)[0];
        }
        return answer;
    }

    /**
     * Maps the answer to yavijava types; a fault of a type yavijava 6.0 does not know becomes an
     * {@link UnmappedFault} with vCenter's fault type and text instead of a parser error.
     */
    @Override
    public Object unMarshall(String returnType, InputStream in) throws Exception {
        byte[] answer = in.readAllBytes();
        try {
            return super.unMarshall(returnType, new ByteArrayInputStream(answer));
        } catch (MethodFault | SoapFaultException e) {
            throw e;
        } catch (RemoteException e) {
            UnmappedFault fault = UnmappedFault.from(parseQuietly(answer));
            if (fault != null) {
                throw fault;
            }
            LOG.log(Level.FINE, "Unreadable answer from vCenter", e);
            throw new UnreadableAnswer(e);
        }
    }

    private static Document parseQuietly(byte[] answer) {
        try {
            return parse(answer);
        } catch (RemoteException e) {
            return null;
        }
    }

    private static Document parse(byte[] answer) throws RemoteException {
        try {
            return SAXReader.createDefault().read(new ByteArrayInputStream(answer));
        } catch (DocumentException e) {
            throw new RemoteException("vCenter's answer is not XML: " + e.getMessage(), e);
        }
    }

    /**
     * An answer yavijava 6.0 cannot map to its types: typically a data or fault type that a newer vCenter added (in a
     * property vmfork reads narrowly, this happens only where such a type can appear, such as a task's error).
     */
    static final class UnreadableAnswer extends RemoteException {
        private static final long serialVersionUID = 1L;

        UnreadableAnswer(Exception cause) {
            super("vCenter's answer could not be read: it may hold a type newer than vSphere API 6.0", cause);
        }
    }

    /**
     * A SOAP fault as vCenter sent it: its type, text and the privilege a NoPermission names. yavijava maps faults
     * to its classes by setting Throwable's private message field, which Java 17 forbids, and it has no classes for
     * fault types newer than 6.0; so every fault is read this way.
     */
    static final class UnmappedFault extends RemoteException {
        private static final long serialVersionUID = 1L;
        private final String type;
        private final String privilege;

        UnmappedFault(String type, String text, String privilege) {
            super(text);
            this.type = type;
            this.privilege = privilege;
        }

        String type() {
            return type;
        }

        String privilege() {
            return privilege;
        }

        static UnmappedFault from(Document document) {
            Element fault = document == null
                    ? null
                    : document.getRootElement().element("Body").element("Fault");
            if (fault == null) {
                return null;
            }
            Element detail = fault.element("detail");
            Element first = detail == null || detail.elements().isEmpty()
                    ? null
                    : detail.elements().get(0);
            String type = first == null ? null : xsiType(first);
            if (type == null && first != null) {
                type = first.getName().replaceFirst("Fault$", "");
            }
            String privilege = first == null ? null : first.elementText("privilegeId");
            return new UnmappedFault(type, fault.elementText("faultstring"), privilege);
        }

        private static String xsiType(Element element) {
            return element.attributes().stream()
                    .filter(a ->
                            a.getName().equals("type") && a.getNamespaceURI().endsWith("XMLSchema-instance"))
                    .map(a -> a.getValue())
                    .findFirst()
                    .orElse(null);
        }
    }
}
