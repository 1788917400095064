package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in of a job, folder or other item; only its permissions. */
public interface Item extends AccessControlled {

    @SuppressWarnings("deprecation")
    Permission CONFIGURE = new Permission(null, "Configure", null);

    @SuppressWarnings("deprecation")
    Permission EXTENDED_READ = new Permission(null, "ExtendedRead", null);
}
