package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A vCenter's configuration binds as Stapler and Configuration as Code bind it: through the data-bound constructor
 * and setters, read back through the getters of the same names.
 */
class VCenterConfigTest {

    private static final String THUMBPRINT = "0A:".repeat(31) + "0A";

    /** A value different from the default for every option, by its documented name. */
    private static final Map<String, Object> OPTIONS = Map.of(
            "trust", Trust.Kind.PINNED,
            "thumbprint", THUMBPRINT,
            "mode", ForkMode.INSTANT_CLONE,
            "connectTimeoutSeconds", 7,
            "readTimeoutSeconds", 120,
            "forkTimeoutSeconds", 90,
            "ipTimeoutSeconds", 600,
            "childNamePrefix", "ci-lab",
            "maxConcurrentForks", 2);

    @Test
    void everyRequiredValueIsAConstructorParameterReadBackByItsGetter() throws Exception {
        Constructor<?> constructor = Arrays.stream(VCenterConfig.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow();
        List<String> names = Arrays.stream(constructor.getParameters())
                .map(Parameter::getName)
                .toList();
        assertThat(names).containsExactly("name", "url", "credentialsId");

        VCenterConfig config = (VCenterConfig) constructor.newInstance("lab", "https://vc.example.com/sdk", "vc-ci");

        assertThat(read(config, "name")).isEqualTo("lab");
        assertThat(read(config, "url")).isEqualTo("https://vc.example.com/sdk");
        assertThat(read(config, "credentialsId")).isEqualTo("vc-ci");
    }

    @Test
    void everyOptionIsASetterReadBackByItsGetter() throws Exception {
        VCenterConfig config = new VCenterConfig("lab", "vc.example.com", "vc-ci");
        List<Method> setters = Arrays.stream(VCenterConfig.class.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .toList();

        for (Method setter : setters) {
            String property = Introspector.decapitalize(setter.getName().substring(3));
            assertThat(OPTIONS).as("a test value for the option " + property).containsKey(property);
            assertThat(read(config, property)).as("default of " + property).isNotEqualTo(OPTIONS.get(property));
            setter.invoke(config, OPTIONS.get(property));
        }

        assertThat(setters).hasSameSizeAs(OPTIONS.keySet());
        for (Map.Entry<String, Object> option : OPTIONS.entrySet()) {
            assertThat(read(config, option.getKey())).as(option.getKey()).isEqualTo(option.getValue());
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheValue() {
        VCenterConfig config = new VCenterConfig("lab", "vc.example.com", "vc-ci");

        assertThatThrownBy(() -> config.setConnectTimeoutSeconds(0)).hasMessageContaining("Connect timeout '0'");
        assertThatThrownBy(() -> config.setMaxConcurrentForks(1000)).hasMessageContaining("'1000'");
        assertThatThrownBy(() -> new VCenterConfig("lab", "ftp://vc", "vc-ci")).hasMessageContaining("'ftp://vc'");
        assertThatThrownBy(() -> new VCenterConfig("lab", "vc", " ")).hasMessageContaining("user name and password");
    }

    @Test
    void emptyOptionsMeanTheDefaults() {
        VCenterConfig config = new VCenterConfig("lab", "vc.example.com", "vc-ci");

        config.setThumbprint("  ");
        config.setChildNamePrefix("");
        config.setTrust(null);
        config.setMode(null);

        assertThat(config.getThumbprint()).isNull();
        assertThat(config.getChildNamePrefix()).isNull();
        assertThat(config.getTrust()).isEqualTo(Trust.Kind.JVM);
        assertThat(config.getMode()).isEqualTo(ForkMode.AUTO);
    }

    @Test
    void pinnedTrustWithoutAThumbprintIsAProblemOfTheEntry() {
        VCenterConfig config = new VCenterConfig("lab", "vc.example.com", "vc-ci");
        config.setTrust(Trust.Kind.PINNED);

        assertThat(config.problems()).singleElement().asString().contains("SHA-256 thumbprint");
    }

    @Test
    void plainHttpIsAProblemOfTheEntryUnlessAnyCertificateIsTrusted() {
        VCenterConfig config = new VCenterConfig("lab", "http://vc.example.com", "vc-ci");

        assertThat(config.problems()).singleElement().asString().contains("unencrypted");
        config.setTrust(Trust.Kind.ANY);
        assertThat(config.problems()).isEmpty();
        assertThat(config.toVCenter("ci", "pw").url()).isEqualTo("http://vc.example.com/sdk");
    }

    @Test
    void becomesAVCenterOfTheForkApiWithItsTrustAndTimeouts() {
        VCenterConfig config = new VCenterConfig("lab", "vc.example.com", "vc-ci");
        config.setTrust(Trust.Kind.PINNED);
        config.setThumbprint(THUMBPRINT.toLowerCase());
        config.setConnectTimeoutSeconds(5);
        config.setReadTimeoutSeconds(30);

        VCenter vcenter = config.toVCenter("ci@vsphere.local", "s3cret&<>");

        assertThat(vcenter.url()).isEqualTo("https://vc.example.com/sdk");
        assertThat(vcenter.trust()).isEqualTo(Trust.pinned(THUMBPRINT));
        assertThat(vcenter.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(vcenter.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(vcenter.password()).isEqualTo("s3cret&<>");
        assertThat(vcenter.toString()).doesNotContain("s3cret");
        assertThat(config.forkTimeout()).isEqualTo(Duration.ofSeconds(VCenterConfig.DEFAULT_FORK_TIMEOUT_SECONDS));
    }

    @Test
    void aDraftFromTheFormUsesDefaultsForEmptyFieldsAndNamesTheFirstBadOne() {
        VCenterConfig draft = VCenterConfig.draft("vc.example.com", "vc-ci", "", null, "", " ");

        assertThat(draft.getConnectTimeoutSeconds()).isEqualTo(VCenterConfig.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        assertThat(draft.getReadTimeoutSeconds()).isEqualTo(VCenterConfig.DEFAULT_READ_TIMEOUT_SECONDS);
        assertThat(draft.getTrust()).isEqualTo(Trust.Kind.JVM);
        assertThatThrownBy(() -> VCenterConfig.draft("vc", "vc-ci", "PINNED", null, "", ""))
                .hasMessageContaining("SHA-256 thumbprint");
        assertThatThrownBy(() -> VCenterConfig.draft("vc", "vc-ci", "", null, "soon", ""))
                .hasMessageContaining("Connect timeout 'soon'");
    }

    @Test
    void theFormOffersTheDefaultsOfTheCode() throws Exception {
        String jelly = new String(VCenterConfig.class
                .getResourceAsStream("VCenterConfig/config.jelly")
                .readAllBytes());
        Map<String, Integer> defaults = Map.of(
                "connectTimeoutSeconds", VCenterConfig.DEFAULT_CONNECT_TIMEOUT_SECONDS,
                "readTimeoutSeconds", VCenterConfig.DEFAULT_READ_TIMEOUT_SECONDS,
                "forkTimeoutSeconds", VCenterConfig.DEFAULT_FORK_TIMEOUT_SECONDS,
                "ipTimeoutSeconds", VCenterConfig.DEFAULT_IP_TIMEOUT_SECONDS,
                "maxConcurrentForks", VCenterConfig.DEFAULT_MAX_CONCURRENT_FORKS);

        for (Map.Entry<String, Integer> field : defaults.entrySet()) {
            assertThat(jelly)
                    .as(field.getKey())
                    .containsPattern(
                            "field=\"" + field.getKey() + "\">\\s*<f:number default=\"" + field.getValue() + "\"");
        }
    }

    @Test
    void everyFieldOfTheFormsHasHelp() throws Exception {
        for (Class<?> type : List.of(VCenterConfig.class, VmforkGlobalConfiguration.class)) {
            String folder = type.getSimpleName() + "/";
            String jelly =
                    new String(type.getResourceAsStream(folder + "config.jelly").readAllBytes());
            List<String> fields = Pattern.compile("field=\"(\\w+)\"")
                    .matcher(jelly)
                    .results()
                    .map(m -> m.group(1))
                    .distinct()
                    .toList();

            assertThat(fields).as(folder).isNotEmpty();
            for (String field : fields) {
                assertThat(type.getResource(folder + "help-" + field + ".html"))
                        .as(folder + field)
                        .isNotNull();
            }
        }
    }

    private static Object read(Object bean, String property) throws Exception {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return bean.getClass().getMethod("get" + suffix).invoke(bean);
    }
}
