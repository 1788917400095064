package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Stand-in of a requirement that narrows credentials to those of a matching domain. */
public class DomainRequirement implements Serializable {

    private static final long serialVersionUID = 1L;

    private DomainRequirement() {}
}
