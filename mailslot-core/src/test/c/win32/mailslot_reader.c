/*
 * Microsoft's "Reading from a Mailslot" sample, written again from what it does, bounded for tests.
 * It creates the mailslot named on the command line as the sample's MakeSlot does (no maximum
 * message size, MAILSLOT_WAIT_FOREVER, default security), prints "ready", then runs the sample's
 * ReadSlot until COUNT messages are read or 30 seconds pass, pausing 10 ms between rounds where the
 * sample pauses 3 s. ReadSlot asks GetMailslotInfo how many messages wait, reads each with an
 * OVERLAPPED and an event into a buffer of the reported size, appends "\nMessage #i of n\n" and
 * prints "Contents of the mailslot: <text>" as TCHAR text. The event is unnamed, where the sample's
 * is named "ExampleSlot", so that readers of several tests do not share one.
 *
 *   mailslot_reader.exe \\.\mailslot\sample_mailslot 3
 *
 * Built both ways, as Visual Studio (UNICODE, UTF-16LE text) and as an ANSI build (the code page):
 *   x86_64-w64-mingw32-gcc -municode -DUNICODE -D_UNICODE -D__USE_MINGW_ANSI_STDIO=0 \
 *       -o mailslot_reader_unicode.exe mailslot_reader.c
 *   x86_64-w64-mingw32-gcc -o mailslot_reader_ansi.exe mailslot_reader.c
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <tchar.h>
#include <strsafe.h>

static HANDLE hSlot;

static int cRead;

static BOOL ReadSlot(void)
{
	DWORD cbMessage, cMessage, cbRead;
	BOOL fResult;
	LPTSTR lpszBuffer;
	TCHAR achID[80];
	DWORD cAllMessages;
	HANDLE hEvent;
	OVERLAPPED ov;

	cbMessage = cMessage = cbRead = 0;
	hEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
	if (NULL == hEvent) {
		return FALSE;
	}
	ov.Offset = 0;
	ov.OffsetHigh = 0;
	ov.hEvent = hEvent;

	fResult = GetMailslotInfo(hSlot, (LPDWORD) NULL, &cbMessage, &cMessage, (LPDWORD) NULL);
	if (!fResult) {
		printf("GetMailslotInfo failed with %lu.\n", GetLastError());
		CloseHandle(hEvent);
		return FALSE;
	}
	if (cbMessage == MAILSLOT_NO_MESSAGE) {
		CloseHandle(hEvent);
		return TRUE;
	}
	cAllMessages = cMessage;
	while (cMessage != 0) {
		StringCchPrintf((LPTSTR) achID, 80, TEXT("\nMessage #%lu of %lu\n"), cAllMessages - cMessage + 1,
				cAllMessages);
		lpszBuffer = (LPTSTR) GlobalAlloc(GPTR, lstrlen((LPTSTR) achID) * sizeof(TCHAR) + cbMessage);
		if (NULL == lpszBuffer) {
			CloseHandle(hEvent);
			return FALSE;
		}
		lpszBuffer[0] = '\0';
		fResult = ReadFile(hSlot, lpszBuffer, cbMessage, &cbRead, &ov);
		if (!fResult) {
			printf("ReadFile failed with %lu.\n", GetLastError());
			GlobalFree((HGLOBAL) lpszBuffer);
			CloseHandle(hEvent);
			return FALSE;
		}
		StringCbCat(lpszBuffer, lstrlen((LPTSTR) achID) * sizeof(TCHAR) + cbMessage, (LPTSTR) achID);
		_tprintf(TEXT("Contents of the mailslot: %s\n"), lpszBuffer);
		fflush(stdout);
		GlobalFree((HGLOBAL) lpszBuffer);
		cRead++;
		fResult = GetMailslotInfo(hSlot, (LPDWORD) NULL, &cbMessage, &cMessage, (LPDWORD) NULL);
		if (!fResult) {
			printf("GetMailslotInfo failed (%lu)\n", GetLastError());
			CloseHandle(hEvent);
			return FALSE;
		}
	}
	CloseHandle(hEvent);
	return TRUE;
}

int _tmain(int argc, TCHAR *argv[])
{
	if (argc != 3) {
		_tprintf(TEXT("usage: %s MAILSLOT COUNT\n"), argv[0]);
		return 1;
	}
	int count = _ttoi(argv[2]);
	hSlot = CreateMailslot(argv[1], 0, MAILSLOT_WAIT_FOREVER, (LPSECURITY_ATTRIBUTES) NULL);
	if (hSlot == INVALID_HANDLE_VALUE) {
		printf("CreateMailslot failed with %lu\n", GetLastError());
		return 2;
	}
	printf("ready\n");
	fflush(stdout);
	DWORD deadline = GetTickCount() + 30000;
	while (cRead < count && GetTickCount() < deadline) {
		if (!ReadSlot()) {
			return 3;
		}
		Sleep(10);
	}
	CloseHandle(hSlot);
	return (cRead == count) ? 0 : 4;
}
