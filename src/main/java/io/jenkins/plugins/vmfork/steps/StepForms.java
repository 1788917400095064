package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The forms of the steps and the build wrapper (Pipeline Syntax, job configuration): which vCenters and credentials
 * are offered, and the field checks. Only users who may configure the job (or, without a job, administer Jenkins) are
 * answered; others get an empty list or no verdict. No check connects anywhere.
 */
final class StepForms {

    private StepForms() {}

    /** The configured vCenters by name, after an empty choice that means "the only one configured". */
    static ListBoxModel vcenterChoices(@CheckForNull Item item) {
        ListBoxModel choices = new ListBoxModel();
        choices.add("(the only one configured)", "");
        if (FormAccess.mayConfigure(item)) {
            VmforkServices.get().vcenterNames().forEach(name -> choices.add(name, name));
        }
        return choices;
    }

    /**
     * User name and password credentials that the job can use when it runs, for users who may see them; only the
     * current value for anyone else, so that saving the form keeps it.
     */
    static ListBoxModel usernamePasswordChoices(@CheckForNull Item item, String current) {
        StandardListBoxModel choices = new StandardListBoxModel();
        if (!mayListCredentials(item)) {
            choices.includeCurrentValue(current);
            return choices;
        }
        Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        choices.includeEmptyValue()
                .includeMatchingAs(
                        as, item, StandardUsernamePasswordCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(current);
        return choices;
    }

    /** Runs a check that throws {@link IllegalArgumentException} with its message; silent to unauthorized users. */
    static FormValidation check(@CheckForNull Item item, Runnable check) {
        if (!FormAccess.mayConfigure(item)) {
            return FormValidation.ok();
        }
        try {
            check.run();
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static boolean mayListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
