package com.cloudbees.plugins.credentials.common;

/** Stand-in of the user name and password credentials that vmfork logs in to vCenter with. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {}
