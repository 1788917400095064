package hudson.security;

/**
 * Stand-in of a Jenkins permission. Least behaviour: a constant keeps its name, so that the constants are distinct
 * values and a test double of a permission check can tell them apart.
 */
public final class Permission {

    private final String name;

    /**
     * Declared only so that the stand-in's constants can be made; vmfork itself makes no permission. The real
     * constructor also registers the permission in its group.
     */
    @Deprecated
    public Permission(PermissionGroup group, String name, Permission impliedBy) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Permission[" + name + "]";
    }
}
