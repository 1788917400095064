package hudson.model.queue;

import java.util.concurrent.Future;

/**
 * Stand-in of the future of a scheduled build. The real type parameter is bounded by {@code Queue.Executable}, which
 * the stand-in does not declare; the erasure is the same.
 */
public interface QueueTaskFuture<R> extends Future<R> {}
