package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Stand-in of the drop-down list of credential ids. Least behaviour: {@link #includeEmptyValue()} and
 * {@link #includeCurrentValue(String)} add their entry when it is missing, as the real ones do (with other display
 * texts), so that tests can see what a caller without permission is offered. Listing credentials is not stood in.
 */
public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {

    private static final long serialVersionUID = 1L;

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        if (stream().noneMatch(o -> o.value.isEmpty())) {
            add(0, new Option("- none -", ""));
        }
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
            Authentication authentication,
            Item context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stand-in");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        if (value == null || value.isEmpty()) {
            return includeEmptyValue();
        }
        if (stream().noneMatch(o -> o.value.equals(value))) {
            int index = !isEmpty() && get(0).value.isEmpty() ? 1 : 0;
            add(index, new Option("- current -", value));
        }
        return this;
    }
}
