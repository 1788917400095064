package io.jenkins.plugins.vmfork.fork;

/** Which fork mode a vCenter version offers. */
final class Modes {

    private Modes() {}

    /**
     * AUTO is VMFork below API 6.7 and Instant Clone from 6.7 on. VMFork needs 6.0 to 6.7 (vSphere 7 removed the
     * private calls); Instant Clone needs 6.7. The message names the modes as both the command line and a Jenkinsfile
     * accept them ({@code instant-clone}, {@code vmfork}, {@code auto}).
     */
    static ForkMode resolve(ForkMode asked, String apiVersion, String url) {
        int[] version = parse(apiVersion);
        boolean instantClone = compare(version, 6, 7) >= 0;
        boolean vmfork = compare(version, 6, 0) >= 0 && compare(version, 7, 0) < 0;
        ForkMode mode = asked == ForkMode.AUTO ? (instantClone ? ForkMode.INSTANT_CLONE : ForkMode.VMFORK) : asked;
        boolean offered = mode == ForkMode.INSTANT_CLONE ? instantClone : vmfork;
        if (!offered) {
            boolean wantedInstantClone = mode == ForkMode.INSTANT_CLONE;
            throw Errors.usage((wantedInstantClone
                            ? "Instant Clone needs vSphere 6.7 or later"
                            : "VMFork needs vSphere 6.0 to 6.7")
                    + ", but " + url + " has API version " + apiVersion + ": choose mode "
                    + (wantedInstantClone ? "vmfork" : "instant-clone") + " or auto");
        }
        return mode;
    }

    private static int[] parse(String apiVersion) {
        String[] parts = (apiVersion == null ? "" : apiVersion).split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            throw Errors.usage("vCenter API version '" + apiVersion + "' cannot be read: vmfork needs 6.0 or later");
        }
    }

    private static int compare(int[] version, int major, int minor) {
        return version[0] != major ? Integer.compare(version[0], major) : Integer.compare(version[1], minor);
    }
}
