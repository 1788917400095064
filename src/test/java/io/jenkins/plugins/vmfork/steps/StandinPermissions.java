package io.jenkins.plugins.vmfork.steps;

import hudson.model.Item;
import hudson.security.Permission;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * Test doubles of a controller and a job on which the current user holds exactly the given permissions; a refused
 * check throws {@link NotPermitted}. Not compiled under the jenkins-repo profile.
 */
final class StandinPermissions {

    private StandinPermissions() {}

    /** What a refused permission check throws here (Jenkins throws its AccessDeniedException3, an HTTP 403). */
    static final class NotPermitted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotPermitted(Permission permission) {
            super("Missing " + permission);
        }
    }

    /** A Jenkins controller whose current user holds exactly the given permissions; it becomes Jenkins.get(). */
    static final class Controller extends Jenkins {

        private final Set<Permission> granted;

        Controller(Permission... granted) {
            super(null, null);
            this.granted = Set.of(granted);
        }

        @Override
        public boolean hasPermission(Permission permission) {
            return granted.contains(permission);
        }

        @Override
        public void checkPermission(Permission permission) {
            check(granted, permission);
        }
    }

    /** A job on which the current user holds exactly the given permissions. */
    static final class Job implements Item {

        private final Set<Permission> granted;

        Job(Permission... granted) {
            this.granted = Set.of(granted);
        }

        @Override
        public boolean hasPermission(Permission permission) {
            return granted.contains(permission);
        }

        @Override
        public void checkPermission(Permission permission) {
            check(granted, permission);
        }
    }

    private static void check(Set<Permission> granted, Permission permission) {
        if (!granted.contains(permission)) {
            throw new NotPermitted(permission);
        }
    }
}
