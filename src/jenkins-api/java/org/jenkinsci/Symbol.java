package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in of the short name of a describable (symbol-annotation, shipped with Jenkins core). The real annotation is
 * also indexed by annotation-indexer, which is not on Maven Central: vmfork keeps that index,
 * {@code META-INF/services/annotations/org.jenkinsci.Symbol}, in its resources, and the .hpi test checks it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
