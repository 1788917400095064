package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import org.dom4j.Element;

/**
 * The few parts of the ServiceContent that vmfork uses. Read from the XML by name, because yavijava 6.0 fails on
 * the ServiceContent of vCenter 6.7 and later, which has managers that 6.0 did not.
 */
record ServiceRefs(
        String apiType,
        String apiVersion,
        String fullName,
        ManagedObjectReference rootFolder,
        ManagedObjectReference propertyCollector,
        ManagedObjectReference viewManager,
        ManagedObjectReference searchIndex,
        ManagedObjectReference sessionManager,
        ManagedObjectReference guestOperationsManager) {

    static ServiceRefs from(Element response) {
        Element content = response.element("returnval");
        Element about = content.element("about");
        return new ServiceRefs(
                about.elementText("apiType"),
                about.elementText("apiVersion"),
                about.elementText("fullName"),
                ref(content, "rootFolder"),
                ref(content, "propertyCollector"),
                ref(content, "viewManager"),
                ref(content, "searchIndex"),
                ref(content, "sessionManager"),
                ref(content, "guestOperationsManager"));
    }

    private static ManagedObjectReference ref(Element content, String name) {
        Element element = content.element(name);
        return element == null ? null : Refs.of(element.attributeValue("type"), element.getTextTrim());
    }
}
