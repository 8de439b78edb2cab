/*
 * Microsoft's "Reading from a Mailslot" sample, bounded for tests: creates the mailslot named on the
 * command line, prints "ready", then reads COUNT messages, sizing each read with GetMailslotInfo,
 * and prints each as "message <size>: <text>".
 *
 *   mailslot_reader.exe \\.\mailslot\sample_mailslot 3
 *
 * Build: x86_64-w64-mingw32-gcc -o mailslot_reader.exe mailslot_reader.c
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		printf("usage: %s MAILSLOT COUNT\n", argv[0]);
		return 1;
	}
	int count = atoi(argv[2]);
	HANDLE hSlot = CreateMailslotA(argv[1], 0, 200, (LPSECURITY_ATTRIBUTES) NULL);
	if (hSlot == INVALID_HANDLE_VALUE) {
		printf("CreateMailslot failed with %lu\n", GetLastError());
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	DWORD deadline = GetTickCount() + 30000;
	int read = 0;
	while (read < count && GetTickCount() < deadline) {
		DWORD cbMessage, cMessage;
		if (!GetMailslotInfo(hSlot, (LPDWORD) NULL, &cbMessage, &cMessage, (LPDWORD) NULL)) {
			printf("GetMailslotInfo failed with %lu.\n", GetLastError());
			return 3;
		}
		if (cbMessage == MAILSLOT_NO_MESSAGE) {
			Sleep(10);
			continue;
		}
		char *buffer = calloc(cbMessage + 1, 1);
		DWORD cbRead;
		if (!ReadFile(hSlot, buffer, cbMessage, &cbRead, NULL)) {
			printf("ReadFile failed with %lu.\n", GetLastError());
			return 4;
		}
		printf("message %lu: %s\n", cbRead, buffer);
		fflush(stdout);
		free(buffer);
		read++;
	}
	CloseHandle(hSlot);
	return (read == count) ? 0 : 5;
}
