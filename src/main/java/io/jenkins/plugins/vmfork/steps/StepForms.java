package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;

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
        return FormAccess.usernamePasswordChoices(item, List::of, current);
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
}
