/*
 * Prints what this Windows does where Microsoft documents no error code or where Wine differs, so
 * that a run on Windows records it and the win32 contract tests expect exactly that: the Windows
 * workflow and the Wine run write this output to a file and pass it to the tests
 * (mailslot.win32.probe).
 *
 * Each result is one line "<key>=<value>  # <what was done>", a value being "ok", "error N"
 * (GetLastError), "pending" or a number; lines starting with '#' are comments. Clients open as the
 * transport does: GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING.
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

typedef NTSTATUS (NTAPI *RtlGetVersionFunction)(OSVERSIONINFOW *);

typedef const char *(CDECL *WineGetVersion)(void);

/* [MS-FSCC] 2.4.28: what FileMailslotQueryInformation (26) returns. */
typedef struct {
	ULONG maximumMessageSize;
	ULONG mailslotQuota;
	ULONG nextMessageSize;
	ULONG messagesAvailable;
	LARGE_INTEGER readTimeout;
} MailslotQueryInformation;

#define FILE_MODE_INFORMATION_CLASS 16
#define FILE_MAILSLOT_QUERY_INFORMATION_CLASS 26
#define PENDING_READ_BUFFER (64 * 1024)
#define OVERTAKING_MESSAGE (70 * 1024)

static WCHAR name[128];

static void value(const char *key, const char *text, const char *what)
{
	printf("%s=%s  # %s\n", key, text, what);
	fflush(stdout);
}

static void number(const char *key, long long n, const char *what)
{
	char text[32];
	snprintf(text, sizeof text, "%lld", n);
	value(key, text, what);
}

static void outcome(const char *key, BOOL ok, DWORD code, const char *what)
{
	char text[32];
	if (ok) {
		snprintf(text, sizeof text, "ok");
	}
	else {
		snprintf(text, sizeof text, "error %lu", code);
	}
	value(key, text, what);
}

static void result(const char *key, BOOL ok, const char *what)
{
	outcome(key, ok, ok ? 0 : GetLastError(), what);
}

static void nextSize(const char *key, DWORD next, const char *what)
{
	if (next == MAILSLOT_NO_MESSAGE) {
		value(key, "none", what);
	}
	else {
		number(key, next, what);
	}
}

static void newName(void)
{
	static LONG sequence;
	swprintf(name, 128, L"\\\\.\\mailslot\\probe\\%lu-%lu-%ld", GetCurrentProcessId(), GetTickCount(),
			InterlockedIncrement(&sequence));
}

static HANDLE server(DWORD maxMessageSize, DWORD readTimeout)
{
	newName();
	HANDLE slot = CreateMailslotW(name, maxMessageSize, readTimeout, NULL);
	if (slot == INVALID_HANDLE_VALUE) {
		result("create", FALSE, "CreateMailslot of a new name");
		ExitProcess(2);
	}
	return slot;
}

static HANDLE client(const WCHAR *path)
{
	return CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
			FILE_ATTRIBUTE_NORMAL, NULL);
}

static void waiting(const char *prefix, HANDLE slot)
{
	char key[64];
	DWORD next = 0, count = 0;
	GetMailslotInfo(slot, NULL, &next, &count, NULL);
	snprintf(key, sizeof key, "%s.waiting", prefix);
	number(key, count, "GetMailslotInfo's message count then");
	snprintf(key, sizeof key, "%s.next_size", prefix);
	nextSize(key, next, "GetMailslotInfo's next message size then");
}

static FARPROC ntdll(const char *function)
{
	return GetProcAddress(GetModuleHandleW(L"ntdll"), function);
}

static void platform(void)
{
	OSVERSIONINFOW version = { sizeof version };
	((RtlGetVersionFunction) (void *) ntdll("RtlGetVersion"))(&version);
	char text[64];
	snprintf(text, sizeof text, "%lu.%lu.%lu", version.dwMajorVersion, version.dwMinorVersion, version.dwBuildNumber);
	value("windows_version", text, "RtlGetVersion");
	WineGetVersion wine = (WineGetVersion) (void *) ntdll("wine_get_version");
	value("wine_version", wine ? wine() : "none", "ntdll's wine_get_version, none on Windows");
}

static void handleMode(void)
{
	HANDLE slot = server(0, 0);
	QueryInformationFile query = (QueryInformationFile) (void *) ntdll("NtQueryInformationFile");
	IO_STATUS_BLOCK io;
	ULONG mode = 0;
	NTSTATUS status = query(slot, &io, &mode, sizeof mode, (FILE_INFORMATION_CLASS) FILE_MODE_INFORMATION_CLASS);
	char text[32];
	snprintf(text, sizeof text, "0x%lx", (unsigned long) status);
	value("server_mode.status", text, "NtQueryInformationFile(FileModeInformation) of the server handle");
	snprintf(text, sizeof text, "0x%lx", mode);
	value("server_mode", text, "its mode: 0x20 or 0x10 synchronous (Wine), 0 overlapped");
	CloseHandle(slot);
}

static void reportedMaximum(void)
{
	HANDLE slot = server(16, 0);
	DWORD max = 0;
	GetMailslotInfo(slot, &max, NULL, NULL, NULL);
	number("reported_max", max, "GetMailslotInfo's maximum of a mailslot created with 16");
	CloseHandle(slot);
}

static void queryInformation(const char *key, HANDLE handle, const char *what)
{
	QueryInformationFile query = (QueryInformationFile) (void *) ntdll("NtQueryInformationFile");
	IO_STATUS_BLOCK io;
	MailslotQueryInformation information = { 0 };
	NTSTATUS status = query(handle, &io, &information, sizeof information,
			(FILE_INFORMATION_CLASS) FILE_MAILSLOT_QUERY_INFORMATION_CLASS);
	char text[32], full[64];
	snprintf(text, sizeof text, "0x%lx", (unsigned long) status);
	snprintf(full, sizeof full, "%s.status", key);
	value(full, text, what);
	if (NT_SUCCESS(status)) {
		number(key, information.maximumMessageSize, "its MaximumMessageSize");
	}
}

static void clientQuery(void)
{
	HANDLE slot = server(16, 0);
	HANDLE writer = client(name);
	queryInformation("server_query_max", slot,
			"NtQueryInformationFile(FileMailslotQueryInformation) of a server created with 16");
	queryInformation("client_query_max", writer,
			"the same on a client handle (Windows 8 and later answer it, [MS-FSCC] 2.4.28)");
	CloseHandle(writer);
	CloseHandle(slot);
}

static void oversizeWrite(void)
{
	HANDLE slot = server(16, 0);
	HANDLE writer = client(name);
	BYTE message[17] = { 0 };
	DWORD written = 0;
	result("oversize_write", WriteFile(writer, message, 17, &written, NULL),
			"local WriteFile of 17 bytes to a mailslot of at most 16");
	waiting("oversize_write", slot);
	CloseHandle(writer);
	CloseHandle(slot);
}

static void writeAfterClose(void)
{
	HANDLE slot = server(0, 0);
	HANDLE writer = client(name);
	DWORD written = 0;
	CloseHandle(slot);
	result("write_after_close", WriteFile(writer, "after", 5, &written, NULL),
			"WriteFile through a client opened before the server closed");
	HANDLE again = client(name);
	result("open_after_close", again != INVALID_HANDLE_VALUE,
			"CreateFile of the name after the server closed, that client still open");
	if (again != INVALID_HANDLE_VALUE) {
		CloseHandle(again);
	}
	CloseHandle(writer);
}

static void recreateWhileClientOpen(void)
{
	HANDLE slot = server(0, 0);
	HANDLE writer = client(name);
	CloseHandle(slot);
	HANDLE again = CreateMailslotW(name, 0, 0, NULL);
	result("recreate_while_client_open", again != INVALID_HANDLE_VALUE,
			"CreateMailslot of a closed name while a client of the old mailslot is open");
	if (again != INVALID_HANDLE_VALUE) {
		DWORD written = 0;
		result("recreate_while_client_open.old_client_write", WriteFile(writer, "old", 3, &written, NULL),
				"WriteFile through the old client then");
		waiting("recreate_while_client_open", again);
		CloseHandle(again);
	}
	CloseHandle(writer);
}

static void createExisting(void)
{
	HANDLE slot = server(0, 0);
	HANDLE again = CreateMailslotW(name, 0, 0, NULL);
	result("create_existing", again != INVALID_HANDLE_VALUE, "CreateMailslot of a name a server holds (expected: error 183)");
	if (again != INVALID_HANDLE_VALUE) {
		CloseHandle(again);
	}
	CloseHandle(slot);
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
	outcome("empty_read", ok, code, "overlapped ReadFile of an empty mailslot, read timeout 2 s (997: pending)");
	number("empty_read.ms", GetTickCount() - started, "how long ReadFile took");
	if (!ok && code == ERROR_IO_PENDING) {
		result("cancel", CancelIoEx(slot, &ov), "CancelIoEx of the pending read");
		result("cancelled_read", GetOverlappedResult(slot, &ov, &read, TRUE),
				"GetOverlappedResult(TRUE) of the cancelled read (expected: error 995)");
		ResetEvent(ov.hEvent);
		started = GetTickCount();
		ok = ReadFile(slot, buffer, sizeof buffer, NULL, &ov);
		if (!ok && GetLastError() == ERROR_IO_PENDING) {
			ok = GetOverlappedResult(slot, &ov, &read, TRUE);
		}
		result("timed_out_read", ok, "an uncancelled overlapped read, read timeout 2 s (expected: error 121)");
		number("timed_out_read.ms", GetTickCount() - started, "when it ended");
	}
	CloseHandle(ov.hEvent);
	CloseHandle(slot);
}

static DWORD WINAPI writeOvertakingMessage(LPVOID unused)
{
	static BYTE message[OVERTAKING_MESSAGE];
	Sleep(300);
	HANDLE writer = client(name);
	DWORD written = 0;
	BOOL ok = writer != INVALID_HANDLE_VALUE && WriteFile(writer, message, sizeof message, &written, NULL);
	DWORD code = ok ? 0 : GetLastError();
	if (writer != INVALID_HANDLE_VALUE) {
		CloseHandle(writer);
	}
	return ok ? 0 : (code ? code : 1);
}

/*
 * A read pending with a 64 KiB buffer, then a 70 KiB write. Nothing documents whether Windows fails
 * the pending read with 122 (the message staying queued) or leaves it pending with the message
 * queued behind it; the server guards the second case, this says which it is.
 */
static void overtakenRead(void)
{
	static BYTE buffer[PENDING_READ_BUFFER];
	static BYTE larger[OVERTAKING_MESSAGE];
	HANDLE slot = server(0, 5000);
	OVERLAPPED ov = { 0 };
	ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	HANDLE writer = CreateThread(NULL, 0, writeOvertakingMessage, NULL, 0, NULL);
	DWORD read = 0;
	BOOL ok = ReadFile(slot, buffer, sizeof buffer, NULL, &ov);
	DWORD code = GetLastError();
	BOOL pending = !ok && code == ERROR_IO_PENDING;
	if (pending && WaitForSingleObject(ov.hEvent, 3000) == WAIT_OBJECT_0) {
		pending = FALSE;
		ok = GetOverlappedResult(slot, &ov, &read, FALSE);
		code = GetLastError();
	}
	else if (ok) {
		GetOverlappedResult(slot, &ov, &read, FALSE);
	}
	WaitForSingleObject(writer, 10000);
	DWORD written = 1;
	GetExitCodeThread(writer, &written);
	CloseHandle(writer);
	outcome("overtaken_read.write", written == 0, written, "WriteFile of 70 KiB from another thread 300 ms later");
	if (pending) {
		value("overtaken_read", "pending", "a 64 KiB overlapped read pending when 70 KiB arrive, 3 s later "
				"(expected: error 122; pending: the message is queued behind the read)");
		waiting("overtaken_read", slot);
		result("overtaken_read.cancel", CancelIoEx(slot, &ov), "CancelIoEx of the read still pending");
		ok = GetOverlappedResult(slot, &ov, &read, TRUE);
		result("overtaken_read.cancelled", ok, "its GetOverlappedResult(TRUE)");
	}
	else {
		outcome("overtaken_read", ok, code, "a 64 KiB overlapped read pending when 70 KiB arrive "
				"(expected: error 122; pending: the message is queued behind the read)");
		number("overtaken_read.bytes", ok ? read : 0, "bytes it read");
		waiting("overtaken_read", slot);
	}
	DWORD next = MAILSLOT_NO_MESSAGE;
	GetMailslotInfo(slot, NULL, &next, NULL, NULL);
	if (next == MAILSLOT_NO_MESSAGE) {
		value("overtaken_read.reread", "nothing waiting", "then an overlapped read with a 70 KiB buffer");
		CloseHandle(ov.hEvent);
		CloseHandle(slot);
		return;
	}
	OVERLAPPED again = { 0 };
	again.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	read = 0;
	ok = ReadFile(slot, larger, sizeof larger, NULL, &again);
	if (!ok && GetLastError() == ERROR_IO_PENDING) {
		if (WaitForSingleObject(again.hEvent, 3000) != WAIT_OBJECT_0) {
			CancelIoEx(slot, &again);
		}
		ok = GetOverlappedResult(slot, &again, &read, TRUE);
	}
	else if (ok) {
		GetOverlappedResult(slot, &again, &read, FALSE);
	}
	result("overtaken_read.reread", ok, "then an overlapped read with a 70 KiB buffer");
	number("overtaken_read.reread_bytes", ok ? read : 0, "bytes it read (expected: 71680)");
	CloseHandle(again.hEvent);
	CloseHandle(ov.hEvent);
	CloseHandle(slot);
}

static void zeroLengthRead(void)
{
	HANDLE slot = server(0, 0);
	HANDLE writer = client(name);
	DWORD written = 0;
	result("zero_length_write", WriteFile(writer, "", 0, &written, NULL), "WriteFile of 0 bytes");
	waiting("zero_length_write", slot);
	OVERLAPPED ov = { 0 };
	ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	BYTE buffer[1];
	DWORD read = 7;
	BOOL ok = ReadFile(slot, buffer, 0, NULL, &ov);
	if (!ok && GetLastError() == ERROR_IO_PENDING) {
		if (WaitForSingleObject(ov.hEvent, 3000) != WAIT_OBJECT_0) {
			CancelIoEx(slot, &ov);
		}
		ok = GetOverlappedResult(slot, &ov, &read, TRUE);
	}
	else if (ok) {
		GetOverlappedResult(slot, &ov, &read, FALSE);
	}
	result("zero_length_read", ok, "an overlapped ReadFile of 0 bytes of that zero-length message");
	number("zero_length_read.bytes", ok ? read : 0, "bytes it read");
	waiting("zero_length_read", slot);
	CloseHandle(ov.hEvent);
	CloseHandle(writer);
	CloseHandle(slot);
}

static void domainWrite(void)
{
	HANDLE writer = client(L"\\\\*\\mailslot\\mailslot_error_probe");
	result("domain_open", writer != INVALID_HANDLE_VALUE, "CreateFile of \\\\*\\mailslot\\mailslot_error_probe");
	if (writer != INVALID_HANDLE_VALUE) {
		BYTE message[425] = { 0 };
		DWORD written = 0;
		result("domain_write", WriteFile(writer, message, sizeof message, &written, NULL),
				"WriteFile of 425 bytes to it (expected: error 53)");
		CloseHandle(writer);
	}
}

int wmain(int argc, WCHAR *argv[])
{
	printf("# mailslot_error_probe: <key>=<value>  # <what was done>\n");
	platform();
	handleMode();
	reportedMaximum();
	clientQuery();
	oversizeWrite();
	writeAfterClose();
	recreateWhileClientOpen();
	createExisting();
	overlappedRead();
	overtakenRead();
	zeroLengthRead();
	if (argc > 1 && wcscmp(argv[1], L"--no-network") == 0) {
		value("domain_write", "left out", "--no-network");
	}
	else {
		domainWrite();
	}
	return 0;
}
