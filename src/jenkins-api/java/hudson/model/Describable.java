package hudson.model;

/** Stand-in of an object configured through a form and described by a {@link Descriptor}. */
public interface Describable<T extends Describable<T>> {

    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
