package dev.mailslot.spring.boot.docs.testing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application whose tests {@code docs/testing.md} shows.
 */
@SpringBootApplication
class OrderApplication {

}
