package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds inventory objects by managed object id ({@code vm-42}), inventory path ({@code /DC/vm/folder/name}) or name.
 * Names are compared unescaped, so {@code a%2Fb} in a path finds the VM named {@code a/b} whether vCenter stores the
 * slash escaped or not.
 */
final class Inventory {

    /** The fault name of the USAGE error for an object that does not exist. */
    static final String NOT_FOUND = "NotFound";

    private static final Pattern ID = Pattern.compile("[a-z]+-[A-Za-z0-9]+");

    /** How to step from an object to its children, one level at a time. */
    private static final String[][] CHILD_LINKS = {
        {"Folder", "childEntity"}, {"Datacenter", "vmFolder"}, {"Datacenter", "hostFolder"},
        {"Datacenter", "datastoreFolder"}, {"Datacenter", "networkFolder"}, {"ComputeResource", "resourcePool"},
        {"ResourcePool", "resourcePool"}
    };

    private Inventory() {}

    /**
     * The object of a type named by id, path or name.
     *
     * @param kind how to call it in messages, e.g. {@code VM}, {@code folder}
     */
    static ManagedObjectReference find(Connection c, String type, String kind, String spec) throws RemoteException {
        if (ID.matcher(spec).matches()) {
            ManagedObjectReference ref = Refs.of(type, spec);
            if (Props.read(c, ref, "name") != null) {
                return ref;
            }
        }
        if (spec.startsWith("/")) {
            return byPath(c, type, kind, spec);
        }
        return byName(c, type, kind, spec);
    }

    /** The inventory path of an object, e.g. {@code /DC/vm/folder/name}. */
    static String path(Connection c, ManagedObjectReference ref) throws RemoteException {
        List<String> names = new ArrayList<>();
        ManagedObjectReference at = ref;
        while (at != null && !at.get_value().equals(c.refs.rootFolder().get_value())) {
            Map<String, Object> values = Props.read(c, at, "name", "parent");
            if (values == null) {
                break;
            }
            names.add(0, InventoryPath.unescape((String) values.get("name")));
            at = (ManagedObjectReference) values.get("parent");
        }
        return InventoryPath.join(names);
    }

    /** The names of all datacenters, for messages. */
    static List<String> datacenters(Connection c) throws RemoteException {
        List<String> names = new ArrayList<>();
        Props.readAll(c, "Datacenter", "name").values().forEach(v -> names.add((String) v.get("name")));
        return names;
    }

    private static ManagedObjectReference byName(Connection c, String type, String kind, String name)
            throws RemoteException {
        String wanted = InventoryPath.unescape(name);
        List<ManagedObjectReference> found = new ArrayList<>();
        Props.readAll(c, type, "name").forEach((id, values) -> {
            if (wanted.equals(InventoryPath.unescape(String.valueOf(values.get("name"))))) {
                found.add(Refs.of(type, id));
            }
        });
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw notFound(c, kind, "named '" + name + "'");
        }
        List<String> paths = new ArrayList<>();
        for (ManagedObjectReference ref : found) {
            paths.add(path(c, ref) + " (" + ref.get_value() + ")");
        }
        throw new VimException(
                VimException.Kind.USAGE,
                null,
                found.size() + " " + kind + "s are named '" + name + "': " + String.join(", ", paths)
                        + "; give the inventory path or id of the one you mean");
    }

    private static ManagedObjectReference byPath(Connection c, String type, String kind, String path)
            throws RemoteException {
        ManagedObjectReference at = c.refs.rootFolder();
        for (String name : InventoryPath.split(path)) {
            at = children(c, at).get(name);
            if (at == null) {
                throw notFound(c, kind, "at inventory path '" + path + "'");
            }
        }
        if (!at.getType().equals(type)) {
            throw new VimException(
                    VimException.Kind.USAGE,
                    null,
                    "Inventory path '" + path + "' names a " + at.getType() + ", not a " + kind
                            + ": give the path of a " + kind);
        }
        return at;
    }

    /** The direct children of an object by unescaped name, in one PropertyCollector call. */
    static Map<String, ManagedObjectReference> children(Connection c, ManagedObjectReference parent)
            throws RemoteException {
        List<SelectionSpec> links = new ArrayList<>();
        for (String[] link : CHILD_LINKS) {
            TraversalSpec step = new TraversalSpec();
            step.setType(link[0]);
            step.setPath(link[1]);
            step.setSkip(false);
            links.add(step);
        }
        ObjectSpec object = new ObjectSpec();
        object.setObj(parent);
        object.setSkip(true);
        object.setSelectSet(links.toArray(new SelectionSpec[0]));
        PropertySpec names = new PropertySpec();
        names.setType("ManagedEntity");
        names.setPathSet(new String[] {"name"});
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setObjectSet(new ObjectSpec[] {object});
        spec.setPropSet(new PropertySpec[] {names});

        Map<String, ManagedObjectReference> children = new LinkedHashMap<>();
        for (ObjectContent content : Props.retrieveAll(c, spec)) {
            if (content.getPropSet() != null && content.getPropSet().length > 0) {
                children.put(InventoryPath.unescape((String) content.getPropSet()[0].getVal()), content.getObj());
            }
        }
        return children;
    }

    private static VimException notFound(Connection c, String kind, String what) throws RemoteException {
        return new VimException(
                VimException.Kind.USAGE,
                NOT_FOUND,
                "No " + kind + " " + what + " in datacenter(s) "
                        + String.join(", ", datacenters(c)) + " of " + c.endpoint.url()
                        + ": check the name, or give its inventory path or id");
    }
}
