package dev.mailslot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The seed program, Microsoft's "Creating a Mailslot", as a Spring Boot application: it creates
 * {@code \\.\mailslot\sample_mailslot} and logs every message written to it. With
 * {@code --sample.mode=writer} it instead writes three messages to that mailslot, as "Writing to
 * a Mailslot" does.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
