package io.jenkins.plugins.vmfork.hpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.w3c.dom.Document;

/** Opens target/vmfork.hpi as Jenkins would and checks what Jenkins relies on. */
class HpiContentsIT {

    private static final String DEPENDENCY = "[A-Za-z0-9][A-Za-z0-9._-]*:[0-9][A-Za-z0-9._-]*(;resolution:=optional)?";

    /** Libraries that Jenkins core or a plugin dependency provides, or that only the build or the CLI use. */
    private static final List<String> FORBIDDEN_JARS = List.of(
            "lombok",
            "log4j-1",
            "log4j-over-slf4j",
            "slf4j",
            "httpclient",
            "httpcore",
            "jaxb-api",
            "activation",
            "picocli",
            "jackson",
            "sezpoz",
            "spotbugs-annotations",
            "jsr305",
            "jenkins-core",
            "credentials",
            "workflow-",
            "structs",
            "spring-",
            "jakarta.servlet",
            "guava");

    /** Packages that must never be inside the .hpi: Jenkins', its libraries', the stand-in's, the CLI's. */
    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "hudson/",
            "jenkins/",
            "org/kohsuke/",
            "org/jenkinsci/",
            "com/cloudbees/",
            "net/sf/json/",
            "org/springframework/",
            "jakarta/",
            "javax/xml/bind/",
            "org/apache/log4j/",
            "org/slf4j/",
            "lombok/",
            "org/apache/http/",
            "picocli/",
            "com/fasterxml/",
            "net/java/sezpoz/",
            "edu/umd/cs/findbugs/",
            "io/jenkins/plugins/vmfork/cli/");

    @TempDir
    static Path unpacked;

    static PackagedPlugin plugin;

    @BeforeAll
    static void open() throws IOException {
        Path hpi = Path.of(System.getProperty("vmfork.hpi", "target/vmfork.hpi"));
        assertThat(hpi).as("the build's .hpi (mvn package makes it)").isRegularFile();
        plugin = new PackagedPlugin(hpi, unpacked);
    }

    @AfterAll
    static void close() throws IOException {
        plugin.close();
    }

    @Test
    void manifestHasTheHeadersThatJenkinsReads() {
        Attributes main = plugin.manifest.getMainAttributes();

        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Short-Name")).isEqualTo("vmfork");
        assertThat(main.getValue("Extension-Name")).isEqualTo("vmfork");
        assertThat(main.getValue("Artifact-Id")).isEqualTo("vmfork");
        assertThat(main.getValue("Group-Id")).matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
        assertThat(main.getValue("Long-Name")).isNotBlank();
        assertThat(main.getValue("Plugin-Version")).isEqualTo(System.getProperty("vmfork.version"));
        assertThat(main.getValue("Implementation-Version")).isEqualTo(main.getValue("Plugin-Version"));
        assertThat(main.getValue("Jenkins-Version"))
                .isEqualTo(System.getProperty("vmfork.jenkinsVersion", "2.541.3"))
                .matches("\\d+(\\.\\d+)+");
        assertThat(main.getValue("Hudson-Version")).isEqualTo(main.getValue("Jenkins-Version"));
        assertThat(main.getValue("Minimum-Java-Version")).isEqualTo(System.getProperty("vmfork.javaVersion", "17"));
        assertThat(main.getValue("Plugin-License-Name")).isNotBlank();
        for (String header : List.of("Url", "Plugin-License-Url", "Plugin-ScmUrl")) {
            URI uri = URI.create(main.getValue(header));
            assertThat(uri.getScheme()).as(header).isEqualTo("https");
            assertThat(uri.getHost()).as(header).isNotBlank();
        }
        assertThat(main.getValue("Plugin-Developers"))
                .as("name:id:email, comma-separated")
                .matches("|[^:,]*:[^:,]*:[^:,]*(,[^:,]*:[^:,]*:[^:,]*)*");
        // maven-hpi-plugin writes it only when every extension says it can be loaded dynamically; none does.
        assertThat(main.getValue("Support-Dynamic-Loading")).isNull();
    }

    @Test
    void pluginDependenciesAreWellFormedAndNameThePluginsUsed() {
        String value = plugin.manifest.getMainAttributes().getValue("Plugin-Dependencies");
        List<String> dependencies = Arrays.asList(value.split(","));

        assertThat(dependencies).allSatisfy(d -> assertThat(d).matches(DEPENDENCY));
        List<String> names =
                dependencies.stream().map(d -> d.substring(0, d.indexOf(':'))).toList();
        assertThat(names).doesNotHaveDuplicates().contains("workflow-step-api", "credentials", "structs", "jaxb");
        assertThat(value).isEqualTo(System.getProperty("vmfork.pluginDependencies", value));
    }

    @Test
    void pluginJarCarriesTheSameHeaders() throws IOException {
        try (JarFile jar = new JarFile(plugin.pluginJar.toFile())) {
            Attributes inJar = jar.getManifest().getMainAttributes();
            Attributes inHpi = plugin.manifest.getMainAttributes();
            for (String header : List.of("Short-Name", "Plugin-Version", "Jenkins-Version", "Plugin-Dependencies")) {
                assertThat(inJar.getValue(header)).as(header).isEqualTo(inHpi.getValue(header));
            }
        }
    }

    @Test
    void holdsOnlyTheManifestAndWebInfLib() {
        assertThat(plugin.entries)
                .allSatisfy(e -> assertThat(e)
                        .matches("META-INF/|META-INF/MANIFEST.MF|WEB-INF/|WEB-INF/lib/|" + "WEB-INF/lib/[^/]+\\.jar"));
        assertThat(plugin.entries).contains("WEB-INF/lib/vmfork.jar");
    }

    @Test
    void bundlesTheLibrariesThatJenkinsDoesNotProvideAndNoOthers() {
        List<String> jars =
                plugin.libs.stream().map(p -> p.getFileName().toString()).toList();
        Set<String> artifacts = new TreeSet<>();
        for (String jar : jars) {
            if (!jar.equals("vmfork.jar")) {
                artifacts.add(jar.replaceFirst("-\\d[^-]*(-[A-Za-z0-9.]+)?\\.jar$", ""));
            }
        }

        String bundled = System.getProperty("vmfork.bundledArtifacts", "yavijava,dom4j");
        assertThat(artifacts).containsExactlyInAnyOrder(bundled.split(","));
        assertThat(artifacts).contains("yavijava", "dom4j");
        for (String forbidden : FORBIDDEN_JARS) {
            assertThat(jars).as("no " + forbidden).noneMatch(j -> j.startsWith(forbidden));
        }
    }

    @Test
    void noJenkinsStandInOrCommandLineClassIsPackaged() {
        for (Path lib : plugin.libs) {
            List<String> entries = PackagedPlugin.entriesOf(lib);
            for (String forbidden : FORBIDDEN_PACKAGES) {
                assertThat(entries)
                        .as(lib.getFileName() + " holds no " + forbidden)
                        .noneMatch(e -> e.startsWith(forbidden));
            }
        }

        assertThat(PackagedPlugin.entriesOf(plugin.pluginJar))
                .as("the plugin jar holds vmfork's own files only")
                .allMatch(e -> e.startsWith("io/") || e.startsWith("META-INF/") || e.equals("index.jelly"))
                .anyMatch(e -> e.startsWith("io/jenkins/plugins/vmfork/steps/"));
    }

    @Test
    void everyExtensionIsIndexedAndLoadsFromThePackagedJars() throws Exception {
        Set<String> annotated = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(Extension.class)) {
                annotated.add(c.getName());
            }
            Stream.concat(Arrays.stream(c.getDeclaredFields()), Arrays.stream(c.getDeclaredMethods()))
                    .filter(m -> ((AnnotatedElement) m).isAnnotationPresent(Extension.class))
                    .forEach(m -> annotated.add(c.getName() + "#" + ((Member) m).getName()));
        }

        Set<String> indexed = new TreeSet<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, plugin.loader)) {
            AnnotatedElement element = item.element();
            Class<?> owner = element instanceof Class<?> c ? c : ((Member) element).getDeclaringClass();
            assertThat(owner.getClassLoader()).as(item.className()).isSameAs(plugin.loader);
            indexed.add(item.memberName() == null ? item.className() : item.className() + "#" + item.memberName());
        }

        assertThat(annotated).as("extensions in the plugin").isNotEmpty();
        assertThat(indexed).as("META-INF/annotations/hudson.Extension").isEqualTo(annotated);
    }

    @Test
    void symbolIndexListsEverySymbol() throws Exception {
        Set<String> annotated = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(Symbol.class)) {
                annotated.add(c.getName());
            }
        }

        Set<String> indexed = new TreeSet<>();
        try (InputStream in = plugin.loader.getResourceAsStream("META-INF/services/annotations/org.jenkinsci.Symbol")) {
            assertThat(in).as("the @Symbol index (kept in src/main/resources)").isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty())
                    .forEach(indexed::add);
        }

        assertThat(indexed)
                .as("META-INF/services/annotations/org.jenkinsci.Symbol lists exactly the classes"
                        + " annotated with @Symbol")
                .isEqualTo(annotated)
                .isNotEmpty();
    }

    @Test
    void indexJellyDescribesThePlugin() throws Exception {
        try (InputStream in = plugin.loader.getResourceAsStream("index.jelly")) {
            assertThat(in).as("index.jelly at the root of vmfork.jar").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("<?jelly escape-by-default='true'?>");

            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTextContent()).contains("vSphere");
        }
    }

    @Test
    void everythingThePluginJarUsesIsPackagedOrComesFromJenkinsOrADeclaredPlugin() {
        Set<String> declared = new HashSet<>();
        for (String d : plugin.manifest
                .getMainAttributes()
                .getValue("Plugin-Dependencies")
                .split(",")) {
            declared.add(d.substring(0, d.indexOf(':')));
        }

        List<String> missing = new ArrayList<>();
        for (String used : JdepsReport.notFound(plugin.pluginJar, plugin.libs)) {
            String provider = ProvidedPackages.providerOf(used);
            if (provider == null || !(provider.equals(ProvidedPackages.CORE) || declared.contains(provider))) {
                missing.add(
                        used + (provider == null ? "" : " (from plugin " + provider + ", not in Plugin-Dependencies)"));
            }
        }

        assertThat(missing)
                .as("classes that vmfork.jar uses but nothing provides at run time")
                .isEmpty();
    }

    @Test
    void formBindingKeepsParameterNames() throws Exception {
        List<String> unnamed = new ArrayList<>();
        for (Class<?> c : pluginClasses()) {
            List<Executable> bound = new ArrayList<>();
            Arrays.stream(c.getDeclaredConstructors())
                    .filter(k -> k.isAnnotationPresent(DataBoundConstructor.class))
                    .forEach(bound::add);
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m ->
                            Arrays.stream(m.getParameters()).anyMatch(p -> p.isAnnotationPresent(QueryParameter.class)))
                    .forEach(bound::add);
            for (Executable e : bound) {
                if (!Arrays.stream(e.getParameters()).allMatch(Parameter::isNamePresent)) {
                    unnamed.add(e.toString());
                }
            }
        }

        assertThat(unnamed)
                .as("Stapler binds form fields by parameter name (javac -parameters)")
                .isEmpty();
    }

    private static List<Class<?>> pluginClasses() throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : PackagedPlugin.classesOf(plugin.pluginJar)) {
            Class<?> c = Class.forName(name, false, plugin.loader);
            assertThat(c.getClassLoader()).as(name).isSameAs(plugin.loader);
            classes.add(c);
        }
        return classes;
    }
}
