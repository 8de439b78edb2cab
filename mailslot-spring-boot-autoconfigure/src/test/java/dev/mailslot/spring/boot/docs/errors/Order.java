package dev.mailslot.spring.boot.docs.errors;

record Order(String id, int quantity) {
}
