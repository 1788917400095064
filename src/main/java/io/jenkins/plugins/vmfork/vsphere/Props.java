package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.DynamicProperty;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.MissingProperty;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a few named properties of one object, or of every object of a type, through the PropertyCollector. */
final class Props {

    private Props() {}

    /** The values of the given paths (absent when unset), or null when the object does not exist. */
    static Map<String, Object> read(Connection c, ManagedObjectReference obj, String... paths) throws RemoteException {
        ObjectSpec object = new ObjectSpec();
        object.setObj(obj);
        object.setSkip(false);
        PropertyFilterSpec spec = spec(obj.getType(), object, paths);
        spec.setReportMissingObjectsInResults(true);
        try {
            RetrieveResult result = c.port.retrievePropertiesEx(
                    c.refs.propertyCollector(), new PropertyFilterSpec[] {spec}, new RetrieveOptions());
            return result == null || result.getObjects() == null ? null : values(result.getObjects()[0]);
        } catch (RemoteException e) {
            if (Faults.is(e, "ManagedObjectNotFound")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The values of the given paths for every object of a type below the root folder, by id. One call per page of
     * objects; the cost grows with the inventory, so callers ask for as few paths as they can.
     */
    static Map<String, Map<String, Object>> readAll(Connection c, String type, String... paths) throws RemoteException {
        ManagedObjectReference view =
                c.port.createContainerView(c.refs.viewManager(), c.refs.rootFolder(), new String[] {type}, true);
        try {
            TraversalSpec traverse = new TraversalSpec();
            traverse.setType("ContainerView");
            traverse.setPath("view");
            traverse.setSkip(false);
            ObjectSpec object = new ObjectSpec();
            object.setObj(view);
            object.setSkip(true);
            object.setSelectSet(new SelectionSpec[] {traverse});
            return collect(c, spec(type, object, paths));
        } finally {
            c.port.destroyView(view);
        }
    }

    /**
     * Properties that vCenter leaves out with a fault. An ended session shows as NotAuthenticated per property
     * rather than as a fault of the call; it is thrown so that the session logs in again. Other faults (such as
     * InvalidProperty for a property that an older vCenter lacks) leave the property unset.
     */
    static void checkMissing(MissingProperty[] missing) throws RemoteException {
        for (MissingProperty property : missing == null ? new MissingProperty[0] : missing) {
            MethodFault fault =
                    property.getFault() == null ? null : property.getFault().getFault();
            if (fault instanceof NotAuthenticated) {
                throw fault;
            }
        }
    }

    private static Map<String, Map<String, Object>> collect(Connection c, PropertyFilterSpec spec)
            throws RemoteException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (ObjectContent content : retrieveAll(c, spec)) {
            all.put(content.getObj().get_value(), values(content));
        }
        return all;
    }

    /** Every object a filter selects, following the pages vCenter splits large answers into. */
    static List<ObjectContent> retrieveAll(Connection c, PropertyFilterSpec spec) throws RemoteException {
        List<ObjectContent> all = new ArrayList<>();
        RetrieveResult page = c.port.retrievePropertiesEx(
                c.refs.propertyCollector(), new PropertyFilterSpec[] {spec}, new RetrieveOptions());
        while (page != null) {
            if (page.getObjects() != null) {
                all.addAll(List.of(page.getObjects()));
            }
            page = page.getToken() == null
                    ? null
                    : c.port.continueRetrievePropertiesEx(c.refs.propertyCollector(), page.getToken());
        }
        return all;
    }

    private static PropertyFilterSpec spec(String type, ObjectSpec object, String... paths) {
        PropertySpec properties = new PropertySpec();
        properties.setType(type);
        properties.setAll(false);
        properties.setPathSet(paths);
        PropertyFilterSpec spec = new PropertyFilterSpec();
        spec.setPropSet(new PropertySpec[] {properties});
        spec.setObjectSet(new ObjectSpec[] {object});
        return spec;
    }

    private static Map<String, Object> values(ObjectContent content) throws RemoteException {
        checkMissing(content.getMissingSet());
        Map<String, Object> values = new HashMap<>();
        if (content.getPropSet() != null) {
            for (DynamicProperty property : content.getPropSet()) {
                if (property.getVal() != null) {
                    values.put(property.getName(), property.getVal());
                }
            }
        }
        return values;
    }
}
