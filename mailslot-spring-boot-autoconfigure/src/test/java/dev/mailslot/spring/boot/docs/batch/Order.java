package dev.mailslot.spring.boot.docs.batch;

record Order(String id, int quantity) {
}
