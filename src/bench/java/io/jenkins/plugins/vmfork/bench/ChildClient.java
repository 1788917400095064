package io.jenkins.plugins.vmfork.bench;

/** A way to get a forked child with an IP and to get rid of it again: vmfork, or a baseline. */
interface ChildClient extends AutoCloseable {

    /** Forks a child of this name and returns once it has an IP; the answer identifies it for {@link #destroy}. */
    String forkUntilReady(String name) throws Exception;

    /** Powers the child off and destroys it. */
    void destroy(String child) throws Exception;

    @Override
    default void close() {}
}
