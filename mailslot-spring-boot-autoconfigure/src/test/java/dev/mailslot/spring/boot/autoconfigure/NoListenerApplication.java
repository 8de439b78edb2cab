package dev.mailslot.spring.boot.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * A Boot application in a second JVM with the mailslots of its arguments and no listener,
 * started by {@link MailslotShutdownTests}. It prints {@code ready} once started and
 * lives until it is killed or its standard input closes.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(MailslotAutoConfiguration.class)
public class NoListenerApplication {

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(NoListenerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
		System.out.println("ready");
		System.out.flush();
		System.in.read();
	}

}
