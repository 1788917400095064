package com.cloudbees.plugins.credentials;

/** Stand-in of the factory of credential filters. */
public class CredentialsMatchers {

    private CredentialsMatchers() {}

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("stand-in");
    }
}
