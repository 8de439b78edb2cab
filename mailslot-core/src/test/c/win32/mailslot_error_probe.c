/*
 * Prints what this Windows does where Microsoft documents no error code or where Wine differs, so
 * that a run on Windows records it: the Windows workflow builds and runs this first. Each line is
 * "<case>: <result>", a result being "ok", "error N" (GetLastError) or a value.
 *
 *   mailslot_error_probe.exe [--no-network]
 *
 * The domain write (425 bytes to \\*\mailslot\...) is refused by Windows before anything is sent;
 * --no-network leaves it out where even the attempt must not reach a network.
 *
 * Build: x86_64-w64-mingw32-gcc -municode -DUNICODE -D_UNICODE -o mailslot_error_probe.exe mailslot_error_probe.c
 */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <wchar.h>

typedef NTSTATUS (NTAPI *QueryInformationFile)(HANDLE, PIO_STATUS_BLOCK, PVOID, ULONG, FILE_INFORMATION_CLASS);

static WCHAR name[128];

static void result(const char *what, BOOL ok)
{
	if (ok) {
		printf("%s: ok\n", what);
	}
	else {
		printf("%s: error %lu\n", what, GetLastError());
	}
	fflush(stdout);
}

static HANDLE server(DWORD maxMessageSize, DWORD readTimeout)
{
	swprintf(name, 128, L"\\\\.\\mailslot\\probe\\%lu-%lu", GetCurrentProcessId(), GetTickCount());
	HANDLE slot = CreateMailslotW(name, maxMessageSize, readTimeout, NULL);
	if (slot == INVALID_HANDLE_VALUE) {
		result("CreateMailslot", FALSE);
		ExitProcess(2);
	}
	return slot;
}

static HANDLE client(const WCHAR *path)
{
	return CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
}

static void handleMode(void)
{
	HANDLE slot = server(0, 0);
	QueryInformationFile query = (QueryInformationFile) (void *) GetProcAddress(GetModuleHandleW(L"ntdll"),
			"NtQueryInformationFile");
	IO_STATUS_BLOCK io;
	ULONG mode = 0;
	NTSTATUS status = query(slot, &io, &mode, sizeof mode, (FILE_INFORMATION_CLASS) 16);
	printf("server handle FILE_MODE_INFORMATION: status 0x%lx, mode 0x%lx (0x20 or 0x10: synchronous)\n",
			(unsigned long) status, mode);
	CloseHandle(slot);
}

static void reportedMaximum(void)
{
	HANDLE slot = server(16, 0);
	DWORD max = 0;
	GetMailslotInfo(slot, &max, NULL, NULL, NULL);
	printf("GetMailslotInfo maximum of a mailslot created with 16: %lu\n", max);
	CloseHandle(slot);
}

static void oversizeWrite(void)
{
	HANDLE slot = server(16, 0);
	HANDLE writer = client(name);
	BYTE message[17] = { 0 };
	DWORD written = 0;
	result("local WriteFile of 17 bytes to a mailslot of at most 16", WriteFile(writer, message, 17, &written, NULL));
	DWORD next = 0, count = 0;
	GetMailslotInfo(slot, NULL, &next, &count, NULL);
	printf("then waiting: %lu message(s), next size %ld\n", count, (long) next);
	CloseHandle(writer);
	CloseHandle(slot);
}

static void writeAfterClose(void)
{
	HANDLE slot = server(0, 0);
	HANDLE writer = client(name);
	DWORD written = 0;
	CloseHandle(slot);
	result("WriteFile after the server closed", WriteFile(writer, "after", 5, &written, NULL));
	HANDLE again = client(name);
	result("CreateFile after the server closed", again != INVALID_HANDLE_VALUE);
	if (again != INVALID_HANDLE_VALUE) {
		CloseHandle(again);
	}
	CloseHandle(writer);
}

static void overlappedRead(void)
{
	HANDLE slot = server(0, 2000);
	OVERLAPPED ov = { 0 };
	ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	BYTE buffer[64];
	DWORD read = 0, started = GetTickCount();
	BOOL ok = ReadFile(slot, buffer, sizeof buffer, NULL, &ov);
	DWORD code = GetLastError();
	printf("overlapped ReadFile of an empty mailslot, read timeout 2 s: %s %lu after %lu ms\n",
			ok ? "ok" : "error", ok ? 0 : code, GetTickCount() - started);
	if (!ok && code == ERROR_IO_PENDING) {
		result("CancelIoEx of the pending read", CancelIoEx(slot, &ov));
		result("GetOverlappedResult of the cancelled read", GetOverlappedResult(slot, &ov, &read, TRUE));
		ResetEvent(ov.hEvent);
		started = GetTickCount();
		ok = ReadFile(slot, buffer, sizeof buffer, NULL, &ov);
		if (!ok && GetLastError() == ERROR_IO_PENDING) {
			ok = GetOverlappedResult(slot, &ov, &read, TRUE);
		}
		code = GetLastError();
		printf("uncancelled overlapped read, read timeout 2 s: %s %lu after %lu ms\n", ok ? "ok" : "error",
				ok ? 0 : code, GetTickCount() - started);
	}
	CloseHandle(ov.hEvent);
	CloseHandle(slot);
}

static void domainWrite(void)
{
	HANDLE writer = client(L"\\\\*\\mailslot\\mailslot_error_probe");
	result("CreateFile of \\\\*\\mailslot\\mailslot_error_probe", writer != INVALID_HANDLE_VALUE);
	if (writer != INVALID_HANDLE_VALUE) {
		BYTE message[425] = { 0 };
		DWORD written = 0;
		result("WriteFile of 425 bytes to \\\\*\\mailslot\\mailslot_error_probe",
				WriteFile(writer, message, sizeof message, &written, NULL));
		CloseHandle(writer);
	}
}

int wmain(int argc, WCHAR *argv[])
{
	handleMode();
	reportedMaximum();
	oversizeWrite();
	writeAfterClose();
	overlappedRead();
	if (argc > 1 && wcscmp(argv[1], L"--no-network") == 0) {
		printf("domain write: left out (--no-network)\n");
	}
	else {
		domainWrite();
	}
	return 0;
}
