package com.cloudbees.plugins.credentials;

/** Stand-in of where credentials may be used; only the scope of credentials that builds may use. */
public enum CredentialsScope {
    GLOBAL
}
