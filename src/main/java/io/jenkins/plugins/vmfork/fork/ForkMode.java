package io.jenkins.plugins.vmfork.fork;

/**
 * How children are forked: VMFork (vSphere 6.0 to 6.7), Instant Clone (6.7+), or chosen by the vCenter's API
 * version.
 */
public enum ForkMode {
    /** VMFork below API version 6.7, Instant Clone from 6.7 on. */
    AUTO,
    /** The private VMFork calls: EnableForkParent_Task, CreateForkChild_Task. */
    VMFORK,
    /** The public InstantClone_Task of vSphere 6.7 and later. */
    INSTANT_CLONE
}
