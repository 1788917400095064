package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.ws.Argument;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.dom4j.Attribute;
import org.dom4j.Element;

/** Waits for tasks by watching only {@code info.state}, {@code info.error} and {@code info.progress}. */
final class Tasks {

    private static final Logger LOG = Logger.getLogger(Tasks.class.getName());
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String[] WATCHED = {"info.state", "info.error", "info.progress"};

    private Tasks() {}

    /**
     * Waits until the task succeeds. A failed task throws vCenter's own message; a task still running at the
     * deadline is cancelled (when vCenter allows) and reported with its id, the VM and the time waited.
     */
    static void await(Connection c, ManagedObjectReference task, String what, String vm, Deadline deadline)
            throws RemoteException {
        Map<String, Object> info = Waiter.until(c, task, WATCHED, Tasks::finished, deadline, what);
        if (info == null) {
            String ended =
                    cancelQuietly(c, task) ? "cancelled after " : "vCenter did not cancel it; stopped waiting after ";
            throw new VimException(
                    VimException.Kind.TIMEOUT,
                    null,
                    what + ": task " + task.get_value() + " on VM "
                            + vm + " did not finish within " + seconds(deadline.allowed()) + " (" + ended
                            + seconds(deadline.elapsed()) + "); check the VM in vCenter or allow more time");
        }
        LOG.fine(() -> what + ": task " + task.get_value() + " " + info.get("info.state") + " after "
                + seconds(deadline.elapsed()));
        if ("error".equals(String.valueOf(info.get("info.state")))) {
            Object error = info.get("info.error");
            if (error instanceof LocalizedMethodFault fault) {
                throw Faults.ofTask(what, fault);
            }
            throw new VimException(
                    VimException.Kind.REFUSED,
                    null,
                    what + " failed: task " + task.get_value() + " ended in error without a reason");
        }
    }

    /**
     * The VM that a finished task answered with, or null when its result is no VM reference. Read from the XML
     * because the result of the private fork calls is undocumented and may be of a type yavijava cannot map.
     */
    static ManagedObjectReference resultVm(Connection c, ManagedObjectReference task) throws RemoteException {
        ObjectSpec object = new ObjectSpec();
        object.setObj(task);
        PropertySpec result = new PropertySpec();
        result.setType("Task");
        result.setPathSet(new String[] {"info.result"});
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(new ObjectSpec[] {object});
        spec.setPropSet(new PropertySpec[] {result});
        Argument[] args = {
            new Argument("_this", "ManagedObjectReference", c.refs.propertyCollector()),
            new Argument("specSet", "PropertyFilterSpec[]", new PropertyFilterSpec[] {spec}),
            new Argument("options", "RetrieveOptions", new RetrieveOptions())
        };
        return vmRef(c.transport.invokeElement("RetrievePropertiesEx", args));
    }

    private static ManagedObjectReference vmRef(Element element) {
        if (element.getName().equals("val")) {
            boolean isVm = "ManagedObjectReference".equals(attribute(element, XSI))
                    && "VirtualMachine".equals(attribute(element, ""));
            return isVm ? Refs.vm(element.getTextTrim()) : null;
        }
        for (Element child : element.elements()) {
            ManagedObjectReference found = vmRef(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Asks vCenter to cancel a task; false when it refuses (NotSupported: the task is not cancelable, InvalidState:
     * it has just ended). Cancelling is asynchronous: the task may still be running when this returns.
     */
    static boolean cancelQuietly(Connection c, ManagedObjectReference task) {
        try {
            c.port.cancelTask(task);
            return true;
        } catch (Exception e) {
            LOG.fine(() -> "Cancelling task " + task.get_value() + " failed: " + e);
            return false;
        }
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static boolean finished(Map<String, Object> info) {
        String state = String.valueOf(info.get("info.state"));
        return state.equals("success") || state.equals("error");
    }

    /** The attribute {@code type} in a namespace (by URI: servers choose their own prefixes), or null. */
    private static String attribute(Element element, String namespaceUri) {
        for (Attribute attribute : element.attributes()) {
            if (attribute.getName().equals("type")
                    && attribute.getNamespaceURI().equals(namespaceUri)) {
                return attribute.getValue();
            }
        }
        return null;
    }
}
