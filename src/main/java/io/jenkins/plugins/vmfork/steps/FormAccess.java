package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Who may use vmfork's configuration forms, and which credentials they are offered. Global forms (no item) need
 * Overall/Administer; forms of a job need Item/Configure on it. Form checks quietly say nothing to anyone else; the
 * "Test connection" button refuses them.
 */
final class FormAccess {

    private FormAccess() {}

    /** Whether the current user may configure in this context: the job's form, or the global one when null. */
    static boolean mayConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Refuses (HTTP 403 in Jenkins) a user who may not configure in this context. */
    static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * The user name and password credentials offered for a URL: all that the context can use, for users who may
     * see them; only the current value for anyone else, so that saving the form does not lose it.
     */
    static ListBoxModel usernamePasswordChoices(@CheckForNull Item item, String url, String current) {
        return usernamePasswordChoices(
                item, () -> URIRequirementBuilder.fromUri(url).build(), current);
    }

    /** The same for the domain requirements given, asked for only when the user may list credentials. */
    static ListBoxModel usernamePasswordChoices(
            @CheckForNull Item item, Supplier<List<DomainRequirement>> requirements, String current) {
        StandardListBoxModel choices = new StandardListBoxModel();
        if (!mayListCredentials(item)) {
            choices.includeCurrentValue(current);
            return choices;
        }
        // A job's credentials are those it can use when it runs, not those of the user looking at its form.
        Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        choices.includeEmptyValue()
                .includeMatchingAs(
                        as,
                        item,
                        StandardUsernamePasswordCredentials.class,
                        requirements.get(),
                        CredentialsMatchers.always())
                .includeCurrentValue(current);
        return choices;
    }

    /** The user name and password credentials with this id in the global context, or null. */
    @CheckForNull
    static StandardUsernamePasswordCredentials globalUsernamePassword(String id, String url) {
        return CredentialsProvider.findCredentialByIdInItem(
                id,
                StandardUsernamePasswordCredentials.class,
                null,
                ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(url).build());
    }

    static FormValidation toForm(FieldCheck check) {
        return switch (check.level()) {
            case OK -> check.message() == null ? FormValidation.ok() : FormValidation.ok(check.message());
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }

    private static boolean mayListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
