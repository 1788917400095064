package hudson.model;

/** Stand-in of a freestyle-like project: only the type, which build wrapper descriptors are asked about. */
@SuppressWarnings("rawtypes")
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> {}
