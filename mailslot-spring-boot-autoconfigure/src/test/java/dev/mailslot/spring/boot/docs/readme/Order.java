package dev.mailslot.spring.boot.docs.readme;

import jakarta.validation.constraints.Positive;

record Order(String id, @Positive int quantity) {
}
