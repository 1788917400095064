package io.jenkins.plugins.vmfork.vcsim;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.ObjectUpdate;
import com.vmware.vim25.PropertyChange;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertyFilterUpdate;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.UpdateSet;
import com.vmware.vim25.WaitOptions;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ManagedObject;
import com.vmware.vim25.mo.PropertyCollector;
import com.vmware.vim25.mo.PropertyFilter;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.CustomSSLTrustContextCreator;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.net.URL;
import java.rmi.RemoteException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.X509TrustManager;

/** yavijava over real SOAP against the simulator: login, the generic invoke of the private calls, narrow reads. */
final class Soap {

    static final Duration WAIT = Duration.ofSeconds(10);

    private Soap() {}

    /** Logs in over HTTPS trusting exactly the printed thumbprint, or over HTTP when the simulator serves that. */
    static ServiceInstance login(Vcsim vcsim) throws Exception {
        return login(vcsim, vcsim.user(), vcsim.password());
    }

    static ServiceInstance login(Vcsim vcsim, String user, String password) throws Exception {
        URL url = new URL(vcsim.url());
        if (vcsim.thumbprint() == null) {
            return new ServiceInstance(url, user, password, true);
        }
        // yavijava keeps the first TrustManager of the JVM in a static SSLContext and ignores later ones; without
        // this reset every login would be checked against the first simulator's certificate.
        CustomSSLTrustContextCreator.setContextAlreadyCreated(false);
        return new ServiceInstance(url, user, password, new PinnedTrust(vcsim.thumbprint()));
    }

    /** Accepts only the certificate whose SHA-256 thumbprint is the pinned one. */
    static final class PinnedTrust implements X509TrustManager {
        private final String pinned;

        PinnedTrust(String pinned) {
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String presented = thumbprint(chain[0]);
            if (!presented.equalsIgnoreCase(pinned)) {
                throw new CertificateException("certificate thumbprint " + presented + " is not the pinned one");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        static String thumbprint(X509Certificate cert) throws CertificateException {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
                return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }
    }

    private static final Pattern FAULT_TYPE = Pattern.compile("xsi:type=\"(\\w+)\"");

    /**
     * The vSphere fault type of what a call threw. On Java 17 yavijava can only build its typed fault exception
     * when java.base/java.lang is opened to it (it sets Throwable.detailMessage by reflection); otherwise it throws
     * a RemoteException whose message holds the fault XML. Both forms are read here.
     */
    static String faultName(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof MethodFault) {
                return t.getClass().getSimpleName();
            }
            Matcher type = FAULT_TYPE.matcher(String.valueOf(t.getMessage()));
            if (type.find()) {
                return type.group(1);
            }
        }
        return String.valueOf(thrown);
    }

    static VirtualMachine vm(ServiceInstance si, String name) throws RemoteException {
        VirtualMachine vm =
                (VirtualMachine) new InventoryNavigator(si.getRootFolder()).searchManagedEntity("VirtualMachine", name);
        return Objects.requireNonNull(vm, () -> "no VM named " + name);
    }

    static VirtualMachine vm(ServiceInstance si, ManagedObjectReference ref) {
        return new VirtualMachine(si.getServerConnection(), ref);
    }

    static ManagedObjectReference moref(String type, String value) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.set_value(value);
        return ref;
    }

    static Argument arg(String name, String type, Object value) {
        return new Argument(name, type, value);
    }

    static Argument self(ManagedObject mo) {
        return arg("_this", "ManagedObjectReference", mo.getMOR());
    }

    /** A call that the WSDL of yavijava does not have, through its generic invoke. */
    static Object invoke(ServiceInstance si, String method, String returnType, Argument... args)
            throws RemoteException {
        return si.getServerConnection().getVimService().getWsc().invoke(method, args, returnType);
    }

    static ManagedObjectReference invokeTask(ServiceInstance si, String method, Argument... args)
            throws RemoteException {
        return (ManagedObjectReference) invoke(si, method, "ManagedObjectReference", args);
    }

    /** Waits for a task to end and returns its info.state: "success" or "error". */
    static String awaitTask(ServiceInstance si, ManagedObjectReference task) throws RemoteException {
        Object state = await(
                si,
                task,
                "info.state",
                v -> v != null
                        && (v.toString().equals("success") || v.toString().equals("error")),
                WAIT);
        return state.toString();
    }

    static LocalizedMethodFault taskError(ServiceInstance si, ManagedObjectReference task) {
        return (LocalizedMethodFault)
                new com.vmware.vim25.mo.Task(si.getServerConnection(), task).getPropertyByPath("info.error");
    }

    static Object taskResult(ServiceInstance si, ManagedObjectReference task) {
        return new com.vmware.vim25.mo.Task(si.getServerConnection(), task).getPropertyByPath("info.result");
    }

    /**
     * Waits with WaitForUpdatesEx until one property of an object satisfies the condition, and returns its value;
     * fails after the deadline with the last value seen.
     */
    static Object await(
            ServiceInstance si, ManagedObjectReference obj, String path, Predicate<Object> condition, Duration within)
            throws RemoteException {
        PropertyCollector pc = si.getPropertyCollector();
        PropertyFilter filter = pc.createFilter(filterSpec(obj, path), true);
        try {
            Instant deadline = Instant.now().plus(within);
            WaitOptions options = new WaitOptions();
            options.setMaxWaitSeconds(1);
            String version = "";
            Object last = null;
            while (Instant.now().isBefore(deadline)) {
                UpdateSet updates = pc.waitForUpdatesEx(version, options);
                if (updates == null) {
                    continue;
                }
                version = updates.getVersion();
                for (PropertyChange change : changes(updates)) {
                    last = change.getVal();
                    if (condition.test(last)) {
                        return last;
                    }
                }
            }
            throw new AssertionError(obj.getVal() + " " + path + " is still " + last + " after " + within);
        } finally {
            filter.destroyPropertyFilter();
        }
    }

    private static PropertyFilterSpec filterSpec(ManagedObjectReference obj, String path) {
        ObjectSpec objects = new ObjectSpec();
        objects.setObj(obj);
        objects.setSkip(false);
        PropertySpec properties = new PropertySpec();
        properties.setType(obj.getType());
        properties.setPathSet(new String[] {path});
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(new ObjectSpec[] {objects});
        spec.setPropSet(new PropertySpec[] {properties});
        return spec;
    }

    private static List<PropertyChange> changes(UpdateSet updates) {
        List<PropertyChange> all = new ArrayList<>();
        for (PropertyFilterUpdate filter : list(updates.getFilterSet())) {
            for (ObjectUpdate object : list(filter.getObjectSet())) {
                all.addAll(list(object.getChangeSet()));
            }
        }
        return all;
    }

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }
}
