package com.cloudbees.plugins.credentials.domains;

import java.util.List;

/** Stand-in of the builder of domain requirements from a URI (scheme, host, port, path). */
public class URIRequirementBuilder {

    private URIRequirementBuilder() {}

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("stand-in");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("stand-in");
    }
}
