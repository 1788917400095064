package hudson.security;

/**
 * Stand-in of an object that guards itself with permissions. The real default methods ask the object's ACL about
 * the current user; the stand-in has no users, so test doubles override them.
 */
public interface AccessControlled {

    default void checkPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}
