package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in of a filter of credentials. */
public interface CredentialsMatcher extends Serializable {}
