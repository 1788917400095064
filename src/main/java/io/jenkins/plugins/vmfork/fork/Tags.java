package io.jenkins.plugins.vmfork.fork;

/** The config parameters ({@code guestinfo.vmfork.*}) that mark a VM as a child forked by vmfork. */
public final class Tags {

    /** What every tag key starts with; the guest can read them through VMware Tools. */
    public static final String PREFIX = "guestinfo.vmfork.";

    /** The child's own VM name, so that its guest can take it as hostname. */
    public static final String NAME = PREFIX + "name";

    public static final String OWNER = PREFIX + "owner";
    public static final String JOB = PREFIX + "job";
    public static final String BUILD = PREFIX + "build";
    public static final String CREATED = PREFIX + "created";
    public static final String PARENT = PREFIX + "parent";
    public static final String PARENT_NAME = PREFIX + "parentName";
    public static final String MODE = PREFIX + "mode";

    private Tags() {}
}
