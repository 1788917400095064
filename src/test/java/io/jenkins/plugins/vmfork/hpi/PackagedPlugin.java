package io.jenkins.plugins.vmfork.hpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The built .hpi, unpacked as Jenkins unpacks it: its manifest, its entries, its WEB-INF/lib jars, and a class
 * loader over those jars whose parent offers the Jenkins API (the stand-in and the provided artifacts on the test
 * class path) but hides everything the .hpi itself must bring, so that a class found is a class packaged.
 */
final class PackagedPlugin implements AutoCloseable {

    final Path hpi;
    final Manifest manifest;
    final List<String> entries = new ArrayList<>();
    final List<Path> libs = new ArrayList<>();
    final Path pluginJar;
    final URLClassLoader loader;

    PackagedPlugin(Path hpi, Path unpackTo) throws IOException {
        this.hpi = hpi;
        try (JarFile jar = new JarFile(hpi.toFile())) {
            this.manifest = jar.getManifest();
            for (ZipEntry e : Collections.list(jar.entries())) {
                entries.add(e.getName());
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    Path lib = unpackTo.resolve(e.getName().substring("WEB-INF/lib/".length()));
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
                    }
                    libs.add(lib);
                }
            }
        }
        this.pluginJar = unpackTo.resolve("vmfork.jar");
        Set<String> packaged = new TreeSet<>();
        for (Path lib : libs) {
            packaged.addAll(packagesOf(lib));
        }
        URL[] urls = libs.stream().map(PackagedPlugin::url).toArray(URL[]::new);
        this.loader = new URLClassLoader(
                "vmfork.hpi", urls, new ProvidedApi(packaged, getClass().getClassLoader()));
    }

    /** The names of the entries of one of the packaged jars. */
    static List<String> entriesOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary names of the classes in a packaged jar. */
    static List<String> classesOf(Path jar) {
        return entriesOf(jar).stream()
                .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .toList();
    }

    private static Set<String> packagesOf(Path jar) {
        Set<String> packages = new TreeSet<>();
        for (String name : classesOf(jar)) {
            packages.add(name.substring(0, Math.max(0, name.lastIndexOf('.'))));
        }
        return packages;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /**
     * The test class path less what the .hpi must bring: its packages and its index files. What is left is what
     * Jenkins core and the plugin dependencies provide at run time (here: the stand-in and provided artifacts).
     */
    private static final class ProvidedApi extends ClassLoader {

        private final Set<String> packaged;

        ProvidedApi(Set<String> packaged, ClassLoader testClassPath) {
            super(testClassPath);
            this.packaged = packaged;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            if (packaged.contains(pkg)) {
                throw new ClassNotFoundException(name + " is packaged in the .hpi, not provided by Jenkins");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return isPackaged(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return isPackaged(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        private boolean isPackaged(String resource) {
            if (resource.startsWith("META-INF/annotations/")
                    || resource.startsWith("META-INF/services/annotations/")
                    || resource.equals("index.jelly")) {
                return true;
            }
            int slash = resource.lastIndexOf('/');
            return slash > 0 && packaged.contains(resource.substring(0, slash).replace('/', '.'));
        }
    }
}
