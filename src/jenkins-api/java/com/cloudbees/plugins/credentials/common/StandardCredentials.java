package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials that most consumers accept. */
public interface StandardCredentials extends IdCredentials {}
