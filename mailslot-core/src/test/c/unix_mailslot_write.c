/*
 * Writes messages to a mailslot of the unix transport: connect to its socket and read the server's
 * greeting (8 bytes, big-endian: "MSL2" and the maximum message size); for each message, while the
 * credit does not cover it (one message and its length + 32 bytes), ask for more (a length of 0x80000000 and
 * the message's length in 8 bytes) and read the server's 8-byte increment; then send its length (4
 * bytes), its stamp (8 bytes: the monotonic clock in nanoseconds) and its bytes; close.
 *
 *   unix_mailslot_write '\\.\mailslot\sample_mailslot' 'Message one for mailslot.' ...
 *   unix_mailslot_write --socket-name '\\.\mailslot\sample_mailslot'
 *
 * The socket is in $MAILSLOT_UNIX_DIRECTORY, or else /tmp/mailslot-<uid>. Its name is the path below
 * \mailslot\, in lower case, as UTF-8, with bytes outside 0x21..0x7E and '%', '\' and '/' written as
 * %XX. This program lower-cases ASCII only, and leaves names longer than 60 encoded characters (which
 * the transport shortens with a SHA-256) to the Python writer.
 *
 * Build: gcc -o unix_mailslot_write unix_mailslot_write.c
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static int socket_name(const char *mailslot, char *out, size_t size)
{
	static const char prefix[] = "\\\\.\\mailslot\\";
	size_t used = 0;
	if (strncasecmp(mailslot, prefix, strlen(prefix)) == 0) {
		mailslot += strlen(prefix);
	}
	for (const unsigned char *p = (const unsigned char *) mailslot; *p; p++) {
		unsigned char c = (*p < 0x80) ? (unsigned char) tolower(*p) : *p;
		if (used + 4 >= size) {
			return -1;
		}
		if (c < 0x21 || c > 0x7E || c == '%' || c == '\\' || c == '/') {
			used += (size_t) snprintf(out + used, size - used, "%%%02X", c);
		}
		else {
			out[used++] = (char) c;
		}
	}
	out[used] = '\0';
	return (used <= 60) ? 0 : -1;
}

static int receive_all(int fd, void *data, size_t size)
{
	char *p = data;
	while (size > 0) {
		ssize_t received = read(fd, p, size);
		if (received <= 0) {
			return -1;
		}
		p += received;
		size -= (size_t) received;
	}
	return 0;
}

static void put_be(unsigned char *out, uint64_t value, int size)
{
	for (int i = size - 1; i >= 0; i--, value >>= 8) {
		out[i] = (unsigned char) value;
	}
}

static int send_all(int fd, const void *data, size_t size)
{
	const char *p = data;
	while (size > 0) {
		ssize_t sent = write(fd, p, size);
		if (sent < 0) {
			return -1;
		}
		p += sent;
		size -= (size_t) sent;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char name[64];
	struct sockaddr_un address = { .sun_family = AF_UNIX };
	const char *directory = getenv("MAILSLOT_UNIX_DIRECTORY");
	char fallback[32];
	int first = 2;
	if (argc >= 3 && strcmp(argv[1], "--socket-name") == 0) {
		if (socket_name(argv[2], name, sizeof name) != 0) {
			return 2;
		}
		puts(name);
		return 0;
	}
	if (argc < 2 || socket_name(argv[1], name, sizeof name) != 0) {
		fprintf(stderr, "usage: %s MAILSLOT [MESSAGE...] (a name of at most 60 encoded characters)\n", argv[0]);
		return 2;
	}
	if (directory == NULL || *directory == '\0') {
		snprintf(fallback, sizeof fallback, "/tmp/mailslot-%u", (unsigned) getuid());
		directory = fallback;
	}
	if ((size_t) snprintf(address.sun_path, sizeof address.sun_path, "%s/%s", directory, name)
			>= sizeof address.sun_path) {
		fprintf(stderr, "socket path too long\n");
		return 2;
	}
	int slot = socket(AF_UNIX, SOCK_STREAM, 0);
	if (slot < 0 || connect(slot, (struct sockaddr *) &address, sizeof address) != 0) {
		perror(address.sun_path);
		return 1;
	}
	unsigned char greeting[8];
	uint32_t max_size;
	uint64_t messages = 0, bytes = 0;
	if (receive_all(slot, greeting, sizeof greeting) != 0 || memcmp(greeting, "MSL2", 4) != 0) {
		fprintf(stderr, "no greeting from the mailslot's server\n");
		return 1;
	}
	memcpy(&max_size, greeting + 4, sizeof max_size);
	max_size = ntohl(max_size);
	for (int i = first; i < argc; i++) {
		uint32_t size = (uint32_t) strlen(argv[i]), more[2];
		unsigned char header[12];
		struct timespec now;
		if (size > max_size) {
			fprintf(stderr, "%u bytes is over the mailslot's maximum of %u\n", size, max_size);
			return 1;
		}
		while (messages < 1 || bytes < size + 32) {
			put_be(header, 0x80000000u, 4);
			put_be(header + 4, size, 8);
			if (send_all(slot, header, sizeof header) != 0 || receive_all(slot, more, sizeof more) != 0) {
				fprintf(stderr, "the mailslot's server ended the connection\n");
				return 1;
			}
			messages += ntohl(more[0]);
			bytes += ntohl(more[1]);
		}
#ifdef __APPLE__
		clock_gettime(CLOCK_UPTIME_RAW, &now);
#else
		clock_gettime(CLOCK_MONOTONIC, &now);
#endif
		put_be(header, size, 4);
		put_be(header + 4, (uint64_t) now.tv_sec * 1000000000u + (uint64_t) now.tv_nsec, 8);
		if (send_all(slot, header, sizeof header) != 0 || send_all(slot, argv[i], size) != 0) {
			fprintf(stderr, "the mailslot's server ended the connection\n");
			return 1;
		}
		messages -= 1;
		bytes -= size + 32;
	}
	close(slot);
	return 0;
}
