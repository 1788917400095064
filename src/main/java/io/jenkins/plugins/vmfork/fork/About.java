package io.jenkins.plugins.vmfork.fork;

/**
 * What the vCenter says about itself, read once per session, and the fork mode that applies.
 *
 * @param apiType {@code VirtualCenter} for a vCenter, {@code HostAgent} for an ESXi host
 * @param apiVersion e.g. {@code 6.5}
 * @param fullName e.g. {@code VMware vCenter Server 6.5.0 build-123}
 * @param mode the mode used: never {@link ForkMode#AUTO}
 */
public record About(String apiType, String apiVersion, String fullName, ForkMode mode) {}
