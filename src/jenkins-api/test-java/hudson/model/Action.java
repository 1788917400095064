package hudson.model;

/** Stand-in of something attached to a build or a queue item; only the type. */
public interface Action {}
