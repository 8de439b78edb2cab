package dev.mailslot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The seed program, Microsoft's "Creating a Mailslot", as a Spring Boot application: it
 * creates {@code \\.\mailslot\sample_mailslot} from application.yml and logs every
 * message written to it. With the {@code writer} profile it instead writes three messages
 * to that mailslot, as "Writing to a Mailslot" does.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
