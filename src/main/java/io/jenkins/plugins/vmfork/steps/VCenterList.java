package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of the configured vCenters as a whole: unique names, and how a step's {@code vcenter} picks one. */
final class VCenterList {

    private VCenterList() {}

    /**
     * A copy of the list, or an {@link IllegalArgumentException} naming the first entry that cannot be used or the
     * first name given twice (names are compared ignoring case, as people read them).
     */
    static List<VCenterConfig> validated(List<VCenterConfig> vcenters) {
        List<VCenterConfig> copy = vcenters == null ? new ArrayList<>() : new ArrayList<>(vcenters);
        Set<String> names = new HashSet<>();
        for (VCenterConfig vcenter : copy) {
            List<String> problems = vcenter.problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("vCenter '" + vcenter.getName() + "': " + problems.get(0));
            }
            if (!names.add(vcenter.getName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Two vCenters are named '" + vcenter.getName()
                        + "': give each a name of its own, steps choose them by name");
            }
        }
        return copy;
    }

    /**
     * The vCenter a step asked for by name; with no name, the only one configured. Fails with a usage error that
     * names what was asked for and what is configured.
     */
    static VCenterConfig select(List<VCenterConfig> vcenters, String name) {
        if (VCenterChecks.isBlank(name)) {
            if (vcenters.size() == 1) {
                return vcenters.get(0);
            }
            if (vcenters.isEmpty()) {
                throw usage("No vCenter is configured: add one in Manage Jenkins → System → vmfork");
            }
            throw usage("Several vCenters are configured (" + names(vcenters) + "): choose one, e.g. vcenter: '"
                    + vcenters.get(0).getName() + "'");
        }
        return vcenters.stream()
                .filter(v -> v.getName().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> usage("No vCenter is named '" + name + "'. Configured: "
                        + (vcenters.isEmpty()
                                ? "none (add one in Manage Jenkins → System → vmfork)"
                                : names(vcenters))));
    }

    private static String names(List<VCenterConfig> vcenters) {
        return vcenters.stream().map(VCenterConfig::getName).collect(Collectors.joining(", "));
    }

    private static VmforkException usage(String message) {
        return new VmforkException(VmforkException.Kind.USAGE, null, message);
    }
}
