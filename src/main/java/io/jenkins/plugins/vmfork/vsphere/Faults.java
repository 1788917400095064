package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.NoPermission;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.ws.SoapFaultException;
import io.jenkins.plugins.vmfork.vsphere.VimException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Turns vCenter faults and I/O errors into one-line {@link VimException}s: what failed, vCenter's text, advice. */
final class Faults {

    private record Advice(Kind kind, String text) {}

    private static final Advice BUSY = new Advice(Kind.REFUSED, "the VM is busy with another operation; try again");
    private static final Advice NO_TOOLS = new Advice(
            Kind.REFUSED, "VMware Tools are not running in the guest: wait until it has booted, or start VMware Tools");
    private static final Advice UNSUPPORTED = new Advice(
            Kind.REFUSED, "this vCenter does not offer the call: check the fork mode against the vCenter's version");

    private static final Map<String, Advice> ADVICE = Map.ofEntries(
            Map.entry("InvalidLogin", new Advice(Kind.LOGIN, "check the user name and password")),
            // Reported only when the session that vmfork logged in with anew has ended as well (see VimSession).
            Map.entry(
                    "NotAuthenticated",
                    new Advice(
                            Kind.LOGIN,
                            "vCenter ended the session, and again right after vmfork logged in anew: check the "
                                    + "session timeout and session limits of the vCenter and whether something ends "
                                    + "this user's sessions")),
            Map.entry("ManagedObjectNotFound", new Advice(Kind.USAGE, "it no longer exists")),
            Map.entry("TaskInProgress", BUSY),
            Map.entry("FileLocked", BUSY),
            Map.entry("ConcurrentAccess", BUSY),
            Map.entry("InvalidGuestLogin", new Advice(Kind.LOGIN, "check the guest user name and password")),
            Map.entry(
                    "GuestPermissionDenied",
                    new Advice(Kind.LOGIN, "the guest user may not run this program: give it the right in the guest")),
            Map.entry("GuestOperationsUnavailable", NO_TOOLS),
            Map.entry("ToolsUnavailable", NO_TOOLS),
            Map.entry(
                    "DuplicateName",
                    new Advice(
                            Kind.REFUSED,
                            "a VM of that name exists already: choose another name, or give none for a generated one")),
            Map.entry("InvalidPowerState", new Advice(Kind.REFUSED, "the VM is not in the power state needed")),
            Map.entry("MethodNotFound", UNSUPPORTED),
            Map.entry("NotSupported", UNSUPPORTED),
            Map.entry("NotImplemented", UNSUPPORTED),
            Map.entry("RequestCanceled", new Advice(Kind.REFUSED, "the task was cancelled")));

    private Faults() {}

    /** What failed and why, from any exception of a vSphere call. */
    static VimException of(String what, Throwable failure) {
        if (failure instanceof VimException vim) {
            return vim;
        }
        String type = type(failure);
        if (type != null) {
            return fault(what, type, text(failure), privilege(failure), failure);
        }
        return io(what, failure);
    }

    /** What failed and why, from the error of a failed task. */
    static VimException ofTask(String what, LocalizedMethodFault error) {
        String type =
                error.getFault() == null ? null : error.getFault().getClass().getSimpleName();
        String text = error.getLocalizedMessage();
        if (text == null || text.isBlank()) {
            text = error.getFault() == null ? "no reason given" : text(error.getFault());
        }
        return fault(what, type, text, privilege(error.getFault()), null);
    }

    /** vCenter's fault type of a failure, e.g. {@code InvalidLogin}, or null when it is no fault. */
    static String type(Throwable failure) {
        if (failure instanceof MethodFault) {
            return failure.getClass().getSimpleName();
        }
        if (failure instanceof SoapTransport.UnmappedFault unmapped) {
            return unmapped.type() == null ? "SoapFault" : unmapped.type();
        }
        if (failure instanceof SoapFaultException soap) {
            return soap.getFaultCode() == null
                    ? "SoapFault"
                    : soap.getFaultCode().replaceFirst(".*:", "");
        }
        return null;
    }

    private static VimException fault(String what, String type, String text, String privilege, Throwable cause) {
        Advice advice = ADVICE.getOrDefault(type, new Advice(Kind.REFUSED, null));
        String advise = privilege == null
                ? advice.text()
                : "the user lacks the privilege " + privilege + ": grant it on the VM (or its folder)";
        String line = what + " failed: " + oneLine(text) + " (" + type + ")" + (advise == null ? "" : "; " + advise);
        return new VimException(advice.kind(), type, line, cause);
    }

    private static VimException io(String what, Throwable failure) {
        if (failure instanceof SoapTransport.UnreadableAnswer unreadable) {
            return new VimException(
                    Kind.REFUSED,
                    null,
                    what + " failed: " + unreadable.getMessage() + "; see the FINE log of "
                            + SoapTransport.class.getName() + " for the details",
                    failure);
        }
        TlsTrust.UntrustedCertificate untrusted = cause(failure, TlsTrust.UntrustedCertificate.class);
        if (untrusted != null) {
            String advice = untrusted.pinned()
                    ? "it does not match the pinned thumbprint; if the vCenter's certificate was renewed, pin it anew"
                    : "it is not trusted by the JVM trust store; add its CA to the trust store or pin its thumbprint";
            return new VimException(
                    Kind.CONNECTION,
                    null,
                    what + " failed: the server presented a certificate with " + "SHA-256 thumbprint "
                            + untrusted.presented() + "; " + advice,
                    failure);
        }
        if (cause(failure, SocketTimeoutException.class) != null) {
            return new VimException(
                    Kind.TIMEOUT,
                    null,
                    what + " failed: vCenter did not answer in time ("
                            + oneLine(
                                    cause(failure, SocketTimeoutException.class).getMessage())
                            + "); check the network or raise the timeouts",
                    failure);
        }
        Class<? extends IOException> unreachable = cause(failure, UnknownHostException.class) != null
                ? UnknownHostException.class
                : ConnectException.class;
        IOException io = cause(failure, unreachable) != null
                ? cause(failure, unreachable)
                : cause(failure, SSLException.class) != null
                        ? cause(failure, SSLException.class)
                        : cause(failure, IOException.class);
        String text = io != null ? io.getClass().getSimpleName() + ": " + io.getMessage() : failure.toString();
        return new VimException(
                Kind.CONNECTION,
                null,
                what + " failed: " + oneLine(text) + "; check the vCenter URL and that it is reachable",
                failure);
    }

    /** Whether a failure is a vCenter fault of one of these types. */
    static boolean is(Throwable failure, String... types) {
        String type = failure instanceof VimException vim ? vim.fault() : type(failure);
        for (String wanted : types) {
            if (wanted.equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The privilege that a NoPermission fault names. NotAuthenticated is a NoPermission too, naming System.View, but
     * it says that the session has ended, not that the user lacks a privilege.
     */
    private static String privilege(Throwable fault) {
        if (fault instanceof SoapTransport.UnmappedFault unmapped) {
            return "NotAuthenticated".equals(unmapped.type()) ? null : unmapped.privilege();
        }
        return fault instanceof NoPermission denied && !(fault instanceof NotAuthenticated)
                ? denied.getPrivilegeId()
                : null;
    }

    private static String text(Throwable fault) {
        if (fault instanceof SoapFaultException soap && soap.getFaultString() != null) {
            return soap.getFaultString();
        }
        String message = fault.getMessage();
        return message == null || message.isBlank() ? fault.getClass().getSimpleName() : message;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
