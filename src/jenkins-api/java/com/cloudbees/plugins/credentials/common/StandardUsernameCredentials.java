package com.cloudbees.plugins.credentials.common;

/** Stand-in of standard credentials with a user name. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
