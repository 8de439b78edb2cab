/*
 * Writes messages to a mailslot of the posix transport, the way Microsoft's "Writing to a
 * Mailslot" sample writes to a Windows mailslot: open it, write each message, close it.
 *
 *   mailslot_write '\\.\mailslot\sample_mailslot' 'Message one for mailslot.' ...
 *   mailslot_write --queue-name '\\.\mailslot\sample_mailslot'
 *
 * The queue name follows the transport's documented mapping: the path below \mailslot\, in lower
 * case, as UTF-8, with bytes outside 0x21..0x7E and '%', '\' and '/' written as %XX, after
 * "/mailslot.". This program lower-cases ASCII only.
 *
 * Build: gcc -o mailslot_write mailslot_write.c -lrt
 */
#include <ctype.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int queue_name(const char *mailslot, char *out, size_t size)
{
	static const char prefix[] = "\\\\.\\mailslot\\";
	size_t used = strlen("/mailslot.");
	if (strncasecmp(mailslot, prefix, strlen(prefix)) == 0) {
		mailslot += strlen(prefix);
	}
	if (size <= used) {
		return -1;
	}
	strcpy(out, "/mailslot.");
	for (const unsigned char *p = (const unsigned char *) mailslot; *p; p++) {
		unsigned char c = (*p < 0x80) ? (unsigned char) tolower(*p) : *p;
		if (c < 0x21 || c > 0x7E || c == '%' || c == '\\' || c == '/') {
			if (used + 3 >= size) {
				return -1;
			}
			used += (size_t) snprintf(out + used, size - used, "%%%02X", c);
		}
		else {
			if (used + 1 >= size) {
				return -1;
			}
			out[used++] = (char) c;
			out[used] = '\0';
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	char queue[256];
	if (argc == 3 && strcmp(argv[1], "--queue-name") == 0) {
		if (queue_name(argv[2], queue, sizeof queue) != 0) {
			fprintf(stderr, "mailslot name too long: %s\n", argv[2]);
			return 1;
		}
		puts(queue);
		return 0;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: %s MAILSLOT [MESSAGE...] | --queue-name MAILSLOT\n", argv[0]);
		return 1;
	}
	if (queue_name(argv[1], queue, sizeof queue) != 0) {
		fprintf(stderr, "mailslot name too long: %s\n", argv[1]);
		return 1;
	}
	mqd_t slot = mq_open(queue, O_WRONLY);
	if (slot == (mqd_t) -1) {
		fprintf(stderr, "mq_open %s: ", queue);
		perror(NULL);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (mq_send(slot, argv[i], strlen(argv[i]), 0) != 0) {
			perror("mq_send");
			return 3;
		}
	}
	mq_close(slot);
	return 0;
}
