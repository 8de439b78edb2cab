/*
 * The latency floor beside EndToEndLatencyBenchmark: one writer process sends COUNT messages of
 * SIZE bytes at RATE messages a second over one POSIX message queue to one reader process that
 * waits in mq_receive; each message carries CLOCK_MONOTONIC just before mq_send, and the reader
 * prints percentiles of the write-to-receive latency in microseconds.
 *
 *   mq_latency COUNT SIZE RATE
 *
 * Build: gcc -O2 -o mq_latency mq_latency.c -lrt
 */
#include <fcntl.h>
#include <mqueue.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

static int compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long count = (argc > 1) ? atol(argv[1]) : 300000;
	long size = (argc > 2) ? atol(argv[2]) : 64;
	long rate = (argc > 3) ? atol(argv[3]) : 10000;
	if (size < (long) sizeof(int64_t)) {
		size = sizeof(int64_t);
	}
	char name[64];
	snprintf(name, sizeof name, "/mailslot.latency-%d", (int) getpid());
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
		int64_t period = 1000000000 / rate;
		int64_t next = now_ns();
		for (long i = 0; i < count; i++) {
			int64_t wait = next - now_ns();
			if (wait > 0) {
				struct timespec pause = { wait / 1000000000, wait % 1000000000 };
				nanosleep(&pause, NULL);
			}
			int64_t stamp = now_ns();
			memcpy(message, &stamp, sizeof stamp);
			if (mq_send(out, message, size, 0) != 0) {
				perror("mq_send");
				_exit(1);
			}
			next += period;
		}
		_exit(0);
	}
	char *buffer = malloc(size);
	int64_t *latencies = malloc(count * sizeof(int64_t));
	for (long i = 0; i < count; i++) {
		if (mq_receive(reader, buffer, size, NULL) < 0) {
			perror("mq_receive");
			return 1;
		}
		int64_t stamp;
		memcpy(&stamp, buffer, sizeof stamp);
		latencies[i] = now_ns() - stamp;
	}
	waitpid(writer, NULL, 0);
	mq_unlink(name);
	qsort(latencies, count, sizeof(int64_t), compare);
	double percentiles[] = { 50, 90, 99, 99.9 };
	printf("%ld messages of %ld bytes at %ld/s, write-to-receive latency:", count, size, rate);
	for (int i = 0; i < 4; i++) {
		printf(" p%g %.1f us,", percentiles[i], latencies[(long) (count * percentiles[i] / 100)] / 1000.0);
	}
	printf(" max %.1f us\n", latencies[count - 1] / 1000.0);
	return 0;
}
