package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Stand-in of the credentials plugin's entry point: the permission to use credentials, lookups by id, and tracking
 * which builds use them.
 */
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

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("stand-in");
    }
}
