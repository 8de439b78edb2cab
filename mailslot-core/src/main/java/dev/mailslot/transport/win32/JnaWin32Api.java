package dev.mailslot.transport.win32;

import java.util.Locale;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link Win32Api} on the real kernel32, advapi32 and ntdll, loaded when first created.
 */
final class JnaWin32Api implements Win32Api {

	private static final System.Logger logger = System.getLogger(JnaWin32Api.class.getName());

	private final MailslotKernel32 kernel32 = MailslotKernel32.load();

	private final MailslotAdvapi32 advapi32 = MailslotAdvapi32.load();

	private final MailslotNtdll ntdll = MailslotNtdll.load();

	@Override
	public HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes) {
		return this.kernel32.CreateMailslot(name, maxMessageSize, readTimeout, securityAttributes);
	}

	@Override
	public boolean makeInheritable(HANDLE handle) {
		return this.kernel32.SetHandleInformation(handle, WinBase.HANDLE_FLAG_INHERIT, WinBase.HANDLE_FLAG_INHERIT);
	}

	@Override
	public boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout) {
		return this.kernel32.GetMailslotInfo(mailslot, maxMessageSize, nextSize, messageCount, readTimeout);
	}

	@Override
	public boolean setMailslotInfo(HANDLE mailslot, int readTimeout) {
		return this.kernel32.SetMailslotInfo(mailslot, readTimeout);
	}

	@Override
	public boolean isSynchronous(HANDLE handle) {
		Memory ioStatusBlock = new Memory(2L * Native.POINTER_SIZE);
		IntByReference mode = new IntByReference();
		int status = this.ntdll.NtQueryInformationFile(handle, ioStatusBlock, mode, Integer.BYTES,
				MailslotNtdll.FILE_MODE_INFORMATION);
		if (status != 0) {
			logger.log(System.Logger.Level.WARNING, "Cannot ask whether a mailslot handle is synchronous "
					+ "(NtQueryInformationFile: NTSTATUS 0x{0}); counting it as overlapped, as CreateMailslot's "
					+ "handles are on Windows", Integer.toHexString(status).toUpperCase(Locale.ROOT));
			return false;
		}
		int synchronous = MailslotNtdll.FILE_SYNCHRONOUS_IO_ALERT | MailslotNtdll.FILE_SYNCHRONOUS_IO_NONALERT;
		return (mode.getValue() & synchronous) != 0;
	}

	@Override
	public HANDLE createEvent() {
		return this.kernel32.CreateEvent(null, true, false, null);
	}

	@Override
	public HANDLE createWakeEvent() {
		return this.kernel32.CreateEvent(null, false, false, null);
	}

	@Override
	public boolean setEvent(HANDLE event) {
		return this.kernel32.SetEvent(event);
	}

	@Override
	public int waitForEither(HANDLE first, HANDLE second, int millis) {
		return this.kernel32.WaitForMultipleObjects(2, new HANDLE[] { first, second }, false, millis);
	}

	@Override
	public boolean readFile(HANDLE file, Pointer buffer, int size, Pointer overlapped) {
		return this.kernel32.ReadFile(file, buffer, size, null, overlapped);
	}

	@Override
	public boolean getOverlappedResult(HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait) {
		return this.kernel32.GetOverlappedResult(file, overlapped, transferred, wait);
	}

	@Override
	public boolean cancelIo(HANDLE file, Pointer overlapped) {
		return this.kernel32.CancelIoEx(file, overlapped);
	}

	@Override
	public HANDLE openForWriting(String name) {
		return this.kernel32.CreateFile(name, WinNT.GENERIC_WRITE, WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE, null,
				WinNT.OPEN_EXISTING, WinNT.FILE_ATTRIBUTE_NORMAL, null);
	}

	@Override
	public boolean writeFile(HANDLE file, byte[] buffer, int size, IntByReference written) {
		return this.kernel32.WriteFile(file, buffer, size, written, null);
	}

	@Override
	public boolean closeHandle(HANDLE handle) {
		return this.kernel32.CloseHandle(handle);
	}

	@Override
	public @Nullable Pointer securityDescriptor(String sddl) {
		PointerByReference descriptor = new PointerByReference();
		if (!this.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, MailslotAdvapi32.SDDL_REVISION_1,
				descriptor, null)) {
			return null;
		}
		return descriptor.getValue();
	}

	@Override
	public boolean hasNonNullDacl(Pointer securityDescriptor) {
		BOOLByReference present = new BOOLByReference();
		PointerByReference dacl = new PointerByReference();
		BOOLByReference defaulted = new BOOLByReference();
		return this.advapi32.GetSecurityDescriptorDacl(securityDescriptor, present, dacl, defaulted)
				&& present.getValue().booleanValue() && dacl.getValue() != null;
	}

	@Override
	public void freeSecurityDescriptor(Pointer securityDescriptor) {
		this.kernel32.LocalFree(securityDescriptor);
	}

	@Override
	public int lastError() {
		return Native.getLastError();
	}

	@Override
	public String errorText(int code) {
		try {
			return Kernel32Util.formatMessage(code).trim();
		}
		catch (RuntimeException ex) {
			return "no text for this code";
		}
	}

}
