package hudson.model;

/** Stand-in of the old base class of describables, still the superclass of Pipeline steps. */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
