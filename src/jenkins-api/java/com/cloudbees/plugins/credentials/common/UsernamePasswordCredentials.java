package com.cloudbees.plugins.credentials.common;

/** Stand-in of credentials with a user name and a password. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
