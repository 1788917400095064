package hudson.security;

/** Stand-in of a group of permissions; only named as a type by the stand-in's permission constructor. */
public final class PermissionGroup {

    private PermissionGroup() {}
}
