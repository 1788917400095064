package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.VmState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Children as vmfork tags them: reading the tags back into {@link Child} records, and writing them. */
final class ChildRecords {

    private final Context ctx;

    ChildRecords(Context ctx) {
        this.ctx = ctx;
    }

    /** Every tagged child of the parent with this id, or of any parent when null. */
    List<Child> childrenOf(String parentId) {
        return ctx.vsphere().taggedVms(Tags.PREFIX).stream()
                .filter(ChildRecords::tagged)
                .filter(vm -> parentId == null || parentId.equals(vm.tags().get(Tags.PARENT)))
                .map(ChildRecords::child)
                .toList();
    }

    /** The tags of a new child, beside the caller's own config parameters. */
    static Map<String, String> tags(
            ChildSpec spec, String childName, String parentId, String parentName, ForkMode mode, Instant created) {
        Map<String, String> params = new java.util.LinkedHashMap<>(spec.configParams());
        params.put(Tags.NAME, childName);
        params.put(Tags.CREATED, created.toString());
        params.put(Tags.PARENT, parentId);
        params.put(Tags.PARENT_NAME, parentName);
        params.put(Tags.MODE, mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        putIfGiven(params, Tags.OWNER, spec.owner());
        putIfGiven(params, Tags.JOB, spec.job());
        putIfGiven(params, Tags.BUILD, spec.build());
        return params;
    }

    static Child child(VmState vm) {
        Map<String, String> tags = vm.tags();
        return new Child(
                vm.name(),
                vm.id(),
                vm.ip(),
                tags.get(Tags.PARENT_NAME),
                tags.get(Tags.PARENT),
                created(tags.get(Tags.CREATED)),
                tags.get(Tags.OWNER),
                tags.get(Tags.JOB),
                tags.get(Tags.BUILD));
    }

    /** Whether a VM carries the tag every vmfork child has. */
    static boolean tagged(VmState vm) {
        return vm.tags().containsKey(Tags.CREATED);
    }

    private static Instant created(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void putIfGiven(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }
}
