/*
 * Microsoft's "Writing to a Mailslot" sample, with the mailslot name from the command line:
 * CreateFile on the name, then one WriteFile per message.
 *
 *   mailslot_writer.exe \\.\mailslot\sample_mailslot
 *
 * Build: x86_64-w64-mingw32-gcc -o mailslot_writer.exe mailslot_writer.c
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static BOOL WriteSlot(HANDLE hSlot, LPCSTR lpszMessage)
{
	DWORD cbWritten;
	BOOL fResult = WriteFile(hSlot, lpszMessage, (DWORD) strlen(lpszMessage), &cbWritten, NULL);
	if (!fResult) {
		printf("WriteFile failed with %lu.\n", GetLastError());
		return FALSE;
	}
	printf("Slot written to successfully.\n");
	return TRUE;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		printf("usage: %s MAILSLOT\n", argv[0]);
		return 1;
	}
	HANDLE hFile = CreateFileA(argv[1], GENERIC_WRITE, FILE_SHARE_READ, (LPSECURITY_ATTRIBUTES) NULL,
			OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, (HANDLE) NULL);
	if (hFile == INVALID_HANDLE_VALUE) {
		printf("CreateFile failed with %lu.\n", GetLastError());
		return 2;
	}
	if (!WriteSlot(hFile, "Message one for mailslot.") || !WriteSlot(hFile, "Message two for mailslot.")
			|| !WriteSlot(hFile, "Message three for mailslot.")) {
		CloseHandle(hFile);
		return 3;
	}
	CloseHandle(hFile);
	return 0;
}
