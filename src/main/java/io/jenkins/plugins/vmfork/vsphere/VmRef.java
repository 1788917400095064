package io.jenkins.plugins.vmfork.vsphere;

/** A VM by managed object id ({@code vm-42}) and name. */
public record VmRef(String id, String name) {}
