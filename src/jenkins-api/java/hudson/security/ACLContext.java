package hudson.security;

/** Stand-in of the authentication a thread ran as before {@link ACL#as2}; closing it switches back. */
public class ACLContext implements AutoCloseable {

    private ACLContext() {}

    @Override
    public void close() {
        throw new UnsupportedOperationException("stand-in");
    }
}
