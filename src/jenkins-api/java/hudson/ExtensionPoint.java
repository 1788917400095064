package hudson;

/** Stand-in of the marker of types that plugins extend and register with {@link Extension}. */
public interface ExtensionPoint {}
