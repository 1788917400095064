package hudson.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Stand-in of Jenkins' access control list; the identity of the system itself, and running as it. */
public abstract class ACL {

    /** The system's own authentication; a real Spring Security token as in Jenkins, so that it can be compared. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("stand-in");
    }
}
