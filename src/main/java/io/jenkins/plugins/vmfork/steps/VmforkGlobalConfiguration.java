package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * vmfork's section of Manage Jenkins → System: the vCenters that steps can use. With Configuration as Code:
 *
 * <pre>
 * unclassified:
 *   vmfork:
 *     vcenters:
 *       - name: lab
 *         url: https://vcenter.example.com/sdk
 *         credentialsId: vcenter-ci
 *         trust: PINNED
 *         thumbprint: "AB:CD:..."
 * </pre>
 */
@Extension
@Symbol("vmfork")
public class VmforkGlobalConfiguration extends GlobalConfiguration {

    private List<VCenterConfig> vcenters = new ArrayList<>();

    @SuppressWarnings("this-escape")
    public VmforkGlobalConfiguration() {
        load();
    }

    /** The one instance that Jenkins registered. */
    public static VmforkGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(VmforkGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "vmfork";
    }

    public List<VCenterConfig> getVcenters() {
        return Collections.unmodifiableList(vcenters);
    }

    /** Replaces the vCenters; refuses a list with an unusable entry or a name given twice. */
    @DataBoundSetter
    public void setVcenters(List<VCenterConfig> vcenters) {
        this.vcenters = VCenterList.validated(vcenters);
        save();
    }

    /** The vCenter a step asked for by name, or the only one when the step named none. */
    public VCenterConfig vcenter(String name) {
        return VCenterList.select(vcenters, name);
    }

    /**
     * Binds the submitted form. A form without vCenters carries no list at all, so the list is emptied first;
     * otherwise deleting the last vCenter would not stick. A refused list leaves the old one in place.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<VCenterConfig> before = vcenters;
        try {
            vcenters = new ArrayList<>();
            req.bindJSON(this, json);
        } catch (IllegalArgumentException e) {
            vcenters = before;
            throw new FormException(e.getMessage(), e, "vcenters");
        }
        save();
        return true;
    }
}
