/*
 * The ceiling the posix transport is held to: one writer process sends COUNT messages of SIZE
 * bytes over one POSIX message queue to one reader process, at priority 0; prints messages per
 * second. The queue holds 10 messages (the kernel's default capacity) of SIZE bytes.
 *
 *   mq_ceiling COUNT SIZE
 *
 * Build: gcc -O2 -o mq_ceiling mq_ceiling.c -lrt
 */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long count = (argc > 1) ? atol(argv[1]) : 1000000;
	long size = (argc > 2) ? atol(argv[2]) : 64;
	char name[64];
	snprintf(name, sizeof name, "/mailslot.ceiling-%d", (int) getpid());
	struct mq_attr attr = { 0 };
	attr.mq_maxmsg = 10;
	attr.mq_msgsize = size;
	mqd_t reader = mq_open(name, O_RDONLY | O_CREAT | O_EXCL, 0600, &attr);
	if (reader == (mqd_t) -1) {
		perror("mq_open");
		return 1;
	}
	pid_t writer = fork();
	if (writer == 0) {
		mqd_t out = mq_open(name, O_WRONLY);
		char *message = calloc(1, size);
		for (long i = 0; i < count; i++) {
			if (mq_send(out, message, size, 0) != 0) {
				perror("mq_send");
				_exit(1);
			}
		}
		_exit(0);
	}
	char *buffer = malloc(size);
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (long i = 0; i < count; i++) {
		if (mq_receive(reader, buffer, size, NULL) < 0) {
			perror("mq_receive");
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	waitpid(writer, NULL, 0);
	mq_unlink(name);
	double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
	printf("%ld messages of %ld bytes in %.3f s: %.0f messages/s\n", count, size, seconds, count / seconds);
	return 0;
}
