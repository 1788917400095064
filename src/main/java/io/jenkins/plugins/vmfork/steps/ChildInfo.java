package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.Child;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code vmforkChild} without a body returns to the script. */
final class ChildInfo {

    private ChildInfo() {}

    /** name, id, ip (null when not waited for), parent and vcenter. */
    static Map<String, Serializable> map(Child child, String vcenter) {
        Map<String, Serializable> map = new LinkedHashMap<>();
        map.put("name", child.name());
        map.put("id", child.id());
        map.put("ip", child.ip());
        map.put("parent", child.parentName());
        map.put("vcenter", vcenter);
        return map;
    }
}
