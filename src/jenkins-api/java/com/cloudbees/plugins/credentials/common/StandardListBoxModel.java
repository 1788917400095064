package com.cloudbees.plugins.credentials.common;

/** Stand-in of the drop-down list of standard credentials. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    private static final long serialVersionUID = 1L;
}
