package hudson;

/** Stand-in of the list of registered extensions of a type. */
public class ExtensionList<T> {

    private ExtensionList() {}

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
