package io.jenkins.plugins.vmfork.fork;

import java.util.Objects;

/**
 * A guest OS account used to run programs in a VM through VMware Tools; the password never shows in
 * {@link #toString()}.
 */
public record GuestCredentials(String user, String password) {

    public GuestCredentials {
        if (user == null || user.isBlank()) {
            throw new VmforkException(VmforkException.Kind.USAGE, null, "The guest user name is empty: give one");
        }
        password = Objects.requireNonNullElse(password, "");
    }

    @Override
    public String toString() {
        return "GuestCredentials[user=" + user + "]";
    }
}
