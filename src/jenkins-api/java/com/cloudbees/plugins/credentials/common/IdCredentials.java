package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in of credentials that have an id. */
public interface IdCredentials extends Credentials {

    String getId();
}
