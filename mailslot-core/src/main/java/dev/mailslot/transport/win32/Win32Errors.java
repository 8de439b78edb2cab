package dev.mailslot.transport.win32;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.SystemLimitException;

/**
 * Turns Win32 error codes into the API's exceptions, each with the code and
 * FormatMessage's text.
 */
final class Win32Errors {

	static final int ERROR_FILE_NOT_FOUND = 2;

	static final int ERROR_PATH_NOT_FOUND = 3;

	static final int ERROR_ACCESS_DENIED = 5;

	static final int ERROR_INVALID_HANDLE = 6;

	static final int ERROR_NOT_ENOUGH_MEMORY = 8;

	static final int ERROR_GEN_FAILURE = 31;

	static final int ERROR_HANDLE_EOF = 38;

	static final int ERROR_BAD_NETPATH = 53;

	static final int ERROR_INVALID_PARAMETER = 87;

	static final int ERROR_BROKEN_PIPE = 109;

	static final int ERROR_SEM_TIMEOUT = 121;

	static final int ERROR_INSUFFICIENT_BUFFER = 122;

	static final int ERROR_INVALID_NAME = 123;

	static final int ERROR_ALREADY_EXISTS = 183;

	static final int ERROR_PIPE_NOT_CONNECTED = 233;

	static final int ERROR_OPERATION_ABORTED = 995;

	static final int ERROR_NO_SYSTEM_RESOURCES = 1450;

	static final int ERROR_REMOTE_MAILSLOTS_DEPRECATED = 3025;

	/**
	 * How remote mailslots are turned back on where Windows has turned them off: each
	 * side has its own switch, and Microsoft ties the protocol to SMB1.
	 */
	static final String REMOTE_MAILSLOTS_REMEDY = "Windows 11 24H2, Windows Server 2025 and Insider builds from 25314 "
			+ "turn remote mailslots off ahead of their removal; local mailslots (\\\\.\\mailslot\\...) are not "
			+ "affected. Remote mailslots must be on at both ends, as administrator: on the sending host "
			+ "Set-SmbClientConfiguration -EnableMailslots $true (Group Policy: Computer Configuration > "
			+ "Administrative Templates > Network > Lanman Workstation > Enable remote mailslots), and on the "
			+ "receiving host Set-SmbServerConfiguration -EnableMailslots $true (Lanman Server > Enable remote "
			+ "mailslots, then restart). Microsoft says the protocol is used only together with SMB1, which is off "
			+ "by default since Windows 10";

	private final Win32Api api;

	Win32Errors(Win32Api api) {
		this.api = api;
	}

	/**
	 * Describe an error code, such as {@code Win32 error 183: Cannot create a file when
	 * that file already exists.}.
	 * @param code the error code
	 * @return the description
	 */
	String describe(int code) {
		return "Win32 error " + code + ": " + this.api.errorText(code);
	}

	MailslotException createFailure(MailslotName name, int code) {
		String cause = " (" + describe(code) + ")";
		MailslotException exception = switch (code) {
			case ERROR_ALREADY_EXISTS -> new MailslotNameInUseException(name, "Mailslot " + name + " is in use: "
					+ "another server on this host owns it. Stop that process or choose another name" + cause);
			case ERROR_INVALID_NAME, ERROR_PATH_NOT_FOUND -> new InvalidMailslotNameException(name.toString(),
					"Invalid mailslot name '" + name + "': CreateMailslot refused it" + cause);
			case ERROR_NOT_ENOUGH_MEMORY, ERROR_NO_SYSTEM_RESOURCES ->
				new SystemLimitException(name, "system resources", "Cannot create mailslot " + name + cause,
						"Close other mailslots or handles, or ask for a smaller max-message-size");
			case ERROR_ACCESS_DENIED -> new MailslotException(name, "Cannot create mailslot " + name
					+ ": access denied; check the security descriptor and the account's rights" + cause);
			default -> new MailslotException(name, "Cannot create mailslot " + name + cause);
		};
		return exception.withNativeErrorCode(code);
	}

	MailslotException openFailure(MailslotName name, int code) {
		String cause = " (" + describe(code) + ")";
		MailslotException exception = switch (code) {
			case ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND ->
				new NoSuchMailslotException(name, "No mailslot " + name + " exists; start its server first" + cause);
			case ERROR_BAD_NETPATH -> new NoSuchMailslotException(name, "Cannot reach " + name + ": the host or "
					+ "domain '" + name.host() + "' cannot be resolved or reached" + cause);
			case ERROR_INVALID_NAME -> new InvalidMailslotNameException(name.toString(),
					"Invalid mailslot name '" + name + "': CreateFile refused it" + cause);
			case ERROR_REMOTE_MAILSLOTS_DEPRECATED -> remoteMailslotsOff(name, code);
			case ERROR_ACCESS_DENIED -> new MailslotException(name, "Cannot open mailslot " + name + ": access "
					+ "denied; the mailslot's security descriptor does not let this account write" + cause);
			default -> new MailslotException(name, "Cannot open mailslot " + name + cause);
		};
		return exception.withNativeErrorCode(code);
	}

	/**
	 * Describe a failed WriteFile. Microsoft documents no code for a local write over the
	 * maximum message size, nor for a write after the server closed the mailslot; the
	 * codes mapped are those the mailslot file system's statuses become:
	 * STATUS_INVALID_PARAMETER (87) for the size, and STATUS_OBJECT_NAME_NOT_FOUND (2),
	 * STATUS_FILE_CLOSED or STATUS_INVALID_HANDLE (6), STATUS_UNSUCCESSFUL (31),
	 * STATUS_FILE_FORCED_CLOSED (38), STATUS_PIPE_BROKEN (109) and
	 * STATUS_PIPE_DISCONNECTED (233) for a mailslot that is gone.
	 */
	MailslotException writeFailure(MailslotName name, int code, int size) {
		String cause = " (" + describe(code) + ")";
		MailslotException exception = switch (code) {
			case ERROR_REMOTE_MAILSLOTS_DEPRECATED -> remoteMailslotsOff(name, code);
			case ERROR_BAD_NETPATH -> new NoSuchMailslotException(name,
					"Cannot send to " + name + ": the host or domain cannot be reached" + cause);
			case ERROR_INVALID_PARAMETER -> name.isLocal() ? new MessageTooLargeException(name, size, -1,
					"Mailslot " + name + " refused a message of " + size + " bytes, larger than its maximum message "
							+ "size; nothing was sent. Send smaller messages, or give the server a larger "
							+ "max-message-size" + cause)
					: new MailslotException(name, "Cannot write " + size + " bytes to mailslot " + name + cause);
			case ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_BROKEN_PIPE -> closedByServer(name, cause);
			case ERROR_GEN_FAILURE, ERROR_HANDLE_EOF, ERROR_PIPE_NOT_CONNECTED ->
				name.isLocal() ? closedByServer(name, cause)
						: new MailslotException(name, "Cannot write " + size + " bytes to mailslot " + name + cause);
			default -> new MailslotException(name, "Cannot write " + size + " bytes to mailslot " + name + cause);
		};
		return exception.withNativeErrorCode(code);
	}

	private static NoSuchMailslotException closedByServer(MailslotName name, String cause) {
		return new NoSuchMailslotException(name, "Mailslot " + name + " was closed by its server; nothing was sent. "
				+ "Open a new client once a server holds the name again" + cause);
	}

	MailslotException readFailure(MailslotName name, int code, boolean closed) {
		if (closed || code == ERROR_OPERATION_ABORTED || code == ERROR_INVALID_HANDLE) {
			return new MailslotClosedException(name, "Mailslot server " + name + " is closed (" + describe(code) + ")")
				.withNativeErrorCode(code);
		}
		return new MailslotException(name, "Cannot read from mailslot " + name + " (" + describe(code) + ")")
			.withNativeErrorCode(code);
	}

	MailslotException failure(MailslotName name, String operation, int code) {
		return new MailslotException(name, "Cannot " + operation + " mailslot " + name + " (" + describe(code) + ")")
			.withNativeErrorCode(code);
	}

	private MailslotException remoteMailslotsOff(MailslotName name, int code) {
		return new MailslotException(name, "Cannot write to " + name + ": remote mailslots are turned off on this "
				+ "Windows (" + describe(code) + "). " + REMOTE_MAILSLOTS_REMEDY);
	}

}
