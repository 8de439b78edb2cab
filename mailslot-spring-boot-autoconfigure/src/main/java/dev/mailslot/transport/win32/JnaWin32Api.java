package dev.mailslot.transport.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import org.jspecify.annotations.Nullable;

/**
 * {@link Win32Api} on the real kernel32 and advapi32, loaded when first created.
 */
final class JnaWin32Api implements Win32Api {

	private final Kernel32 kernel32 = Kernel32.INSTANCE;

	private final MailslotKernel32 mailslots = MailslotKernel32.load();

	private final MailslotAdvapi32 advapi32 = MailslotAdvapi32.load();

	@Override
	public HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes) {
		return this.mailslots.CreateMailslot(name, maxMessageSize, readTimeout, securityAttributes);
	}

	@Override
	public boolean makeInheritable(HANDLE handle) {
		return this.kernel32.SetHandleInformation(handle, WinBase.HANDLE_FLAG_INHERIT, WinBase.HANDLE_FLAG_INHERIT);
	}

	@Override
	public boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout) {
		return this.mailslots.GetMailslotInfo(mailslot, maxMessageSize, nextSize, messageCount, readTimeout);
	}

	@Override
	public boolean setMailslotInfo(HANDLE mailslot, int readTimeout) {
		return this.mailslots.SetMailslotInfo(mailslot, readTimeout);
	}

	@Override
	public boolean readFile(HANDLE file, byte[] buffer, int size, IntByReference read) {
		return this.kernel32.ReadFile(file, buffer, size, read, null);
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
	public boolean cancelIo(HANDLE file) {
		return this.mailslots.CancelIoEx(file, null);
	}

	@Override
	public boolean closeHandle(HANDLE handle) {
		return this.kernel32.CloseHandle(handle);
	}

	@Override
	public @Nullable Pointer securityDescriptor(String sddl) {
		PointerByReference descriptor = new PointerByReference();
		if (!this.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl,
				MailslotAdvapi32.SDDL_REVISION_1, descriptor, null)) {
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
		this.mailslots.LocalFree(securityDescriptor);
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
