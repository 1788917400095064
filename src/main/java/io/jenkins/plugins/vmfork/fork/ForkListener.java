package io.jenkins.plugins.vmfork.fork;

/** Receives progress and warnings of fork operations, to print them to a build log or a terminal. */
public interface ForkListener {

    /** A listener that ignores everything. */
    ForkListener NONE = new ForkListener() {};

    /** A step finished: e.g. the parent was quiesced, a child was forked or destroyed. */
    default void progress(ForkEvent event) {}

    /** Something the user should know, e.g. that the certificate of the vCenter is not checked. */
    default void warning(String message) {}
}
