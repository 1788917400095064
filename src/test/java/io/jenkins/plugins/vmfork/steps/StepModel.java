package io.jenkins.plugins.vmfork.steps;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What a Jenkinsfile can write, read from the classes as Jenkins reads them: the steps' and the wrapper's names
 * (their {@code @Symbol}) and their parameters (the data-bound constructor's parameter names and the data-bound
 * setters' properties).
 */
final class StepModel {

    /** The describables a Jenkinsfile can call, by name. */
    static final Map<String, Class<?>> BY_NAME = byName(
            VmforkEnableParentStep.class, VmforkChildStep.class, VmforkCleanupStep.class, VmforkBuildWrapper.class);

    private StepModel() {}

    private static Map<String, Class<?>> byName(Class<?>... types) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (Class<?> type : types) {
            map.put(symbol(type), type);
        }
        return map;
    }

    /** The symbol on the class's nested descriptor. */
    static String symbol(Class<?> type) {
        return Arrays.stream(type.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Symbol.class))
                .map(c -> c.getAnnotation(Symbol.class).value()[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no descriptor with @Symbol"));
    }

    static Constructor<?> constructor(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no @DataBoundConstructor"));
    }

    /** Every parameter by name: the constructor's first, then the setters'. The value is its Java type. */
    static Map<String, Class<?>> parameters(Class<?> type) {
        Map<String, Class<?>> parameters = new LinkedHashMap<>();
        for (Parameter p : constructor(type).getParameters()) {
            if (!p.isNamePresent()) {
                throw new AssertionError(type + " was compiled without -parameters: Jenkins cannot bind it");
            }
            parameters.put(p.getName(), p.getType());
        }
        setters(type).forEach((name, setter) -> parameters.put(name, setter.getParameterTypes()[0]));
        return parameters;
    }

    static Map<String, Method> setters(Class<?> type) {
        Map<String, Method> setters = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                setters.put(property(m.getName().substring(3)), m);
            }
        }
        return setters;
    }

    /** The getter Jenkins reads a parameter back with (the snippet generator, the job's saved form). */
    static Method getter(Class<?> type, String name) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            return type.getMethod("get" + suffix);
        } catch (NoSuchMethodException e) {
            return type.getMethod("is" + suffix);
        }
    }

    private static String property(String suffix) {
        return suffix.substring(0, 1).toLowerCase(Locale.ROOT) + suffix.substring(1);
    }
}
