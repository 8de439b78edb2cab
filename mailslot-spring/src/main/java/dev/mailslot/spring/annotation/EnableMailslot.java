package dev.mailslot.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Turns on {@link MailslotListener @MailslotListener} methods. Spring Boot's
 * auto-configuration does this for you.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(MailslotBootstrapConfiguration.class)
public @interface EnableMailslot {

}
