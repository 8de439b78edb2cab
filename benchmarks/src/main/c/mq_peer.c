/*
 * The C end of the benchmarks that separate the writer from the reader: a writer or a reader of
 * one mailslot's POSIX message queue, driven line by line by the benchmark in the JVM.
 *
 *   mq_peer write QUEUE SIZE
 *     opens the queue, prints "ready"; for each line N on standard input sends N messages of
 *     SIZE bytes (waiting while the queue is full) and prints "sent N"; ends with its input.
 *   mq_peer rate QUEUE SIZE PER_SECOND
 *     opens the queue, prints "ready", sends PER_SECOND messages a second, each stamped in its
 *     first 8 bytes, big-endian, with CLOCK_MONOTONIC in nanoseconds (Java's System.nanoTime() on
 *     Linux), until its input ends; then prints "sent N max-lag-us L", as the Java writer does.
 *   mq_peer read QUEUE SIZE BURST
 *     creates the queue (the kernel's default capacity, messages of SIZE bytes), holds the lock
 *     that marks a live owner (flock LOCK_EX, as the posix transport's servers do), prints
 *     "ready", then receives and prints "received N" after every BURST messages; SIGTERM ends
 *     it and removes the queue.
 *
 * QUEUE is the queue's name as the posix transport maps the mailslot's name (PosixQueueNames).
 *
 * Build: gcc -O2 -o mq_peer mq_peer.c -lrt
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>

static volatile sig_atomic_t stopping;

static void stop(int signal)
{
	(void) signal;
	stopping = 1;
}

static int write_bursts(const char *queue, long size)
{
	mqd_t out = mq_open(queue, O_WRONLY);
	if (out == (mqd_t) -1) {
		perror("mq_open");
		return 1;
	}
	char *message = calloc(1, size);
	char line[64];
	printf("ready\n");
	fflush(stdout);
	while (fgets(line, sizeof line, stdin) != NULL) {
		long count = atol(line);
		for (long i = 0; i < count; i++) {
			if (mq_send(out, message, size, 0) != 0) {
				perror("mq_send");
				return 1;
			}
		}
		printf("sent %ld\n", count);
		fflush(stdout);
	}
	mq_close(out);
	return 0;
}

static int64_t now_ns(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) now.tv_sec * 1000000000 + now.tv_nsec;
}

static int write_at_rate(const char *queue, long size, long rate)
{
	mqd_t out = mq_open(queue, O_WRONLY);
	if (out == (mqd_t) -1) {
		perror("mq_open");
		return 1;
	}
	if (size < 8) {
		size = 8;
	}
	unsigned char *message = calloc(1, size);
	int64_t period = 1000000000 / rate;
	int64_t next = now_ns();
	int64_t max_lag = 0;
	long sent = 0;
	struct pollfd input = { .fd = 0, .events = POLLIN };
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		int64_t wait = next - now_ns();
		struct timespec pause = { (wait > 0) ? wait / 1000000000 : 0, (wait > 0) ? wait % 1000000000 : 0 };
		int ready = ppoll(&input, 1, &pause, NULL);
		if (ready > 0 || (ready < 0 && errno != EINTR)) {
			break;
		}
		if (ready < 0) {
			continue;
		}
		int64_t stamp = now_ns();
		if (stamp - next > max_lag) {
			max_lag = stamp - next;
		}
		for (int i = 0; i < 8; i++) {
			message[i] = (unsigned char) (stamp >> (56 - 8 * i));
		}
		if (mq_send(out, (const char *) message, size, 0) != 0) {
			perror("mq_send");
			return 1;
		}
		sent++;
		next += period;
	}
	printf("sent %ld max-lag-us %lld\n", sent, (long long) (max_lag / 1000));
	fflush(stdout);
	mq_close(out);
	return 0;
}

static int read_bursts(const char *queue, long size, long burst)
{
	struct sigaction action = { 0 };
	action.sa_handler = stop;
	sigaction(SIGTERM, &action, NULL);
	struct mq_attr attr = { 0 };
	attr.mq_maxmsg = 10;
	attr.mq_msgsize = size;
	mqd_t in = mq_open(queue, O_RDONLY | O_CREAT | O_EXCL, 0600, &attr);
	if (in == (mqd_t) -1) {
		perror("mq_open");
		return 1;
	}
	if (flock(in, LOCK_EX) != 0) {
		perror("flock");
		mq_unlink(queue);
		return 1;
	}
	char *buffer = malloc(size);
	long received = 0;
	printf("ready\n");
	fflush(stdout);
	while (!stopping) {
		if (mq_receive(in, buffer, size, NULL) < 0) {
			if (errno == EINTR) {
				continue;
			}
			perror("mq_receive");
			break;
		}
		if (++received % burst == 0) {
			printf("received %ld\n", received);
			fflush(stdout);
		}
	}
	mq_unlink(queue);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "write") == 0) {
		return write_bursts(argv[2], atol(argv[3]));
	}
	if (argc == 5 && strcmp(argv[1], "rate") == 0) {
		return write_at_rate(argv[2], atol(argv[3]), atol(argv[4]));
	}
	if (argc == 5 && strcmp(argv[1], "read") == 0) {
		return read_bursts(argv[2], atol(argv[3]), atol(argv[4]));
	}
	fprintf(stderr, "usage: %s write QUEUE SIZE | rate QUEUE SIZE PER_SECOND | read QUEUE SIZE BURST\n", argv[0]);
	return 2;
}
