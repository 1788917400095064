package hudson.util;

import java.util.ArrayList;

/**
 * Stand-in of the options of a drop-down list. Least behaviour: a plain list of options, as the real one is, so that
 * tests can read what a fill method offers.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

    private static final long serialVersionUID = 1L;

    public ListBoxModel() {}

    public void add(String displayName, String value) {
        add(new Option(displayName, value));
    }

    /** One entry: what the user sees, and what the form submits. */
    public static final class Option {

        public String name;

        public String value;

        public Option(String name, String value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }
}
