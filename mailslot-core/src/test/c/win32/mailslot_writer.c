/*
 * Microsoft's "Writing to a Mailslot" sample, written again from what it does: CreateFile on the
 * mailslot with GENERIC_WRITE and FILE_SHARE_READ, then one WriteFile per message of the TCHAR
 * string with its terminator, (lstrlen(message) + 1) * sizeof(TCHAR) bytes. The mailslot name comes
 * from the command line, and the sample's five-second pause before the third message is left out.
 *
 *   mailslot_writer.exe \\.\mailslot\sample_mailslot
 *
 * Built both ways, as Visual Studio (UNICODE, UTF-16LE text) and as an ANSI build (the code page):
 *   x86_64-w64-mingw32-gcc -municode -DUNICODE -D_UNICODE -D__USE_MINGW_ANSI_STDIO=0 \
 *       -o mailslot_writer_unicode.exe mailslot_writer.c
 *   x86_64-w64-mingw32-gcc -o mailslot_writer_ansi.exe mailslot_writer.c
 */
#include <windows.h>
#include <stdio.h>
#include <tchar.h>

static BOOL WriteSlot(HANDLE hSlot, LPCTSTR lpszMessage)
{
	DWORD cbWritten;
	BOOL fResult = WriteFile(hSlot, lpszMessage, (DWORD) (lstrlen(lpszMessage) + 1) * sizeof(TCHAR), &cbWritten,
			(LPOVERLAPPED) NULL);
	if (!fResult) {
		printf("WriteFile failed with %lu.\n", GetLastError());
		return FALSE;
	}
	printf("Slot written to successfully.\n");
	return TRUE;
}

int _tmain(int argc, TCHAR *argv[])
{
	if (argc != 2) {
		_tprintf(TEXT("usage: %s MAILSLOT\n"), argv[0]);
		return 1;
	}
	HANDLE hFile = CreateFile(argv[1], GENERIC_WRITE, FILE_SHARE_READ, (LPSECURITY_ATTRIBUTES) NULL, OPEN_EXISTING,
			FILE_ATTRIBUTE_NORMAL, (HANDLE) NULL);
	if (hFile == INVALID_HANDLE_VALUE) {
		printf("CreateFile failed with %lu.\n", GetLastError());
		return 2;
	}
	if (!WriteSlot(hFile, TEXT("Message one for mailslot.")) || !WriteSlot(hFile, TEXT("Message two for mailslot."))
			|| !WriteSlot(hFile, TEXT("Message three for mailslot."))) {
		CloseHandle(hFile);
		return 3;
	}
	CloseHandle(hFile);
	return 0;
}
