package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.Endpoint;
import io.jenkins.plugins.vmfork.vsphere.VimException;
import io.jenkins.plugins.vmfork.vsphere.VimSession;
import io.jenkins.plugins.vmfork.vsphere.VmState;
import io.jenkins.plugins.vmfork.vsphere.Vsphere;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link Forker} over a shared vCenter session: each method is a short sequence of vsphere steps. */
final class VsphereForker implements Forker {

    private final Context ctx;
    private final About about;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VsphereForker(Context ctx, About about) {
        this.ctx = ctx;
        this.about = about;
    }

    static Forker open(VCenter vcenter, ForkMode mode, ForkListener listener) {
        ForkListener to = listener == null ? ForkListener.NONE : listener;
        if (vcenter.plainHttp()) {
            to.warning("Plain HTTP to " + vcenter.host() + ": the password crosses the network unencrypted, and "
                    + "anyone on the network path could read it; use https:// outside test setups");
        } else if (vcenter.trust().kind() == Trust.Kind.ANY) {
            to.warning("Not checking the TLS certificate of " + vcenter.host() + ": anyone on the network path could "
                    + "read the password; pin its SHA-256 thumbprint instead");
        }
        VimSession session = Errors.translated(() -> VimSession.open(endpoint(vcenter)));
        try {
            ForkMode resolved = Modes.resolve(mode == null ? ForkMode.AUTO : mode, session.apiVersion(), vcenter.url());
            About about = new About(session.apiType(), session.apiVersion(), session.fullName(), resolved);
            return new VsphereForker(new Context(vcenter, new Vsphere(session), resolved, to), about);
        } catch (RuntimeException e) {
            session.close();
            throw e instanceof VimException v ? Errors.of(v) : e;
        }
    }

    @Override
    public About about() {
        return about;
    }

    @Override
    public ParentStatus enableParent(String parent, GuestCredentials guest, QuiesceOptions options) {
        QuiesceOptions chosen = options == null ? QuiesceOptions.defaults() : options;
        return Errors.translated(() -> new ParentSteps(ctx).enable(require(parent, "parent"), guest, chosen));
    }

    @Override
    public ParentStatus parentStatus(String parent) {
        return Errors.translated(() -> new ParentSteps(ctx).status(require(parent, "parent")));
    }

    @Override
    public ParentStatus disableParent(String parent) {
        return Errors.translated(() -> new ParentSteps(ctx).disable(require(parent, "parent")));
    }

    @Override
    public Child fork(ChildSpec spec) {
        return Errors.translated(() -> new ForkSteps(ctx).fork(spec));
    }

    @Override
    public Optional<Child> child(String child) {
        return Errors.translated(() -> {
            try {
                String id = ctx.vsphere().findVm(require(child, "child")).id();
                VmState state = ctx.vsphere().state(id, ctx.readiness(), Tags.PREFIX);
                return Optional.ofNullable(state).filter(ChildRecords::tagged).map(ChildRecords::child);
            } catch (VimException e) {
                if (e.notFound()) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public List<Child> children(String parent) {
        return Errors.translated(() -> {
            String parentId =
                    parent == null ? null : ctx.vsphere().findVm(parent).id();
            return new ChildRecords(ctx).childrenOf(parentId);
        });
    }

    @Override
    public boolean destroy(String child, boolean force) {
        return Errors.translated(() -> new Cleanup(ctx).destroy(require(child, "child"), force));
    }

    @Override
    public List<Child> sweep(SweepCriteria criteria) {
        return Errors.translated(() -> new Cleanup(ctx).sweep(criteria));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ctx.vsphere().session().close();
        }
    }

    private static Endpoint endpoint(VCenter vcenter) {
        Trust trust = vcenter.trust();
        return new Endpoint(
                vcenter.url(),
                vcenter.user(),
                vcenter.password(),
                Endpoint.Tls.valueOf(trust.kind().name()),
                trust.thumbprint(),
                vcenter.connectTimeout(),
                vcenter.readTimeout());
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw Errors.usage("No " + what + " VM given: give its name, inventory path or id");
        }
        return value;
    }
}
