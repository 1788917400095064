package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

/**
 * Stand-in of Jenkins core's extension marker. Indexed by the real SezPoz processor into
 * {@code META-INF/annotations/hudson.Extension}, the file Jenkins reads. The real members (ordinal, optional,
 * dynamicLoadable) are left out because vmfork sets none of them.
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {}
