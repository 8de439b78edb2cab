package dev.mailslot.spring.boot.docs.testing;

import jakarta.validation.constraints.Positive;

record Order(String id, @Positive int quantity) {
}
