package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Stand-in of the credentials plugin's entry point: the permission to use credentials, and lookups by id. */
public abstract class CredentialsProvider {

    @SuppressWarnings("deprecation")
    public static final Permission USE_ITEM = new Permission(null, "UseItem", null);

    public static <C extends IdCredentials> C findCredentialByIdInItem(
            String id,
            Class<C> type,
            Item item,
            Authentication authentication,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in");
    }
}
