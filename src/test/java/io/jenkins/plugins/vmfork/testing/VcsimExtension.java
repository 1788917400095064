package io.jenkins.plugins.vmfork.testing;

import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one simulator and puts its switches back after each test (see {@link Vcsim#reset()}).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final VcsimExtension VCSIM = new VcsimExtension("-child-result", "empty");
 * </pre>
 *
 * <p>{@link #shared()} is one default simulator for the whole test run, for classes that only read or make their
 * own VMs. Test methods may also take a {@link Vcsim} parameter.
 */
public final class VcsimExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(VcsimExtension.class);

    private final String[] flags;
    private final boolean shared;
    private Vcsim vcsim;

    public VcsimExtension(String... flags) {
        this(false, flags);
    }

    private VcsimExtension(boolean shared, String... flags) {
        this.flags = flags.clone();
        this.shared = shared;
    }

    /** The simulator with default flags that every class using this shares; stopped when the test run ends. */
    public static VcsimExtension shared() {
        return new VcsimExtension(true);
    }

    /** The running simulator. */
    public Vcsim vcsim() {
        if (vcsim == null) {
            throw new IllegalStateException("The simulator starts before the tests: register VcsimExtension with "
                    + "@RegisterExtension or @ExtendWith");
        }
        return vcsim;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ensureStarted(context);
    }

    private void ensureStarted(ExtensionContext context) {
        if (vcsim != null) {
            return;
        }
        if (shared) {
            String key = "vcsim " + Arrays.toString(flags);
            vcsim = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(key, k -> Vcsim.start(flags), Vcsim.class);
        } else {
            vcsim = Vcsim.start(flags);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (vcsim != null) {
            vcsim.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vcsim != null && !shared) {
            vcsim.close();
            vcsim = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Vcsim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ensureStarted(context);
        return vcsim;
    }
}
