package io.jenkins.plugins.vmfork.vsphere;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inventory paths such as {@code /DC/vm/folder/name}: a {@code /}, {@code \} or {@code %} inside a name is written
 * {@code %2F}, {@code %5C}, {@code %25}, as vCenter itself escapes them.
 */
public final class InventoryPath {

    private InventoryPath() {}

    /** Escapes one name for a path. */
    public static String escape(String name) {
        return name.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C");
    }

    /** Undoes {@link #escape(String)} in any case ({@code %2f} too); other {@code %} sequences stay as they are. */
    public static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            String code =
                    i + 3 <= escaped.length() ? escaped.substring(i, i + 3).toUpperCase(Locale.ROOT) : "";
            String plain =
                    switch (code) {
                        case "%25" -> "%";
                        case "%2F" -> "/";
                        case "%5C" -> "\\";
                        default -> null;
                    };
            if (plain == null) {
                out.append(escaped.charAt(i));
            } else {
                out.append(plain);
                i += 2;
            }
        }
        return out.toString();
    }

    /** The unescaped names of a path: {@code /DC/vm/a%2Fb} gives {@code [DC, vm, a/b]}. */
    public static List<String> split(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                names.add(unescape(part));
            }
        }
        return names;
    }

    /** A path from plain names: {@code [DC, vm, a/b]} gives {@code /DC/vm/a%2Fb}. */
    public static String join(List<String> names) {
        StringBuilder path = new StringBuilder();
        names.forEach(n -> path.append('/').append(escape(n)));
        return path.toString();
    }
}
