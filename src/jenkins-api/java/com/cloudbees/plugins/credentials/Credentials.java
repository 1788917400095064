package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in of the root type of all credentials. */
public interface Credentials extends Serializable {}
