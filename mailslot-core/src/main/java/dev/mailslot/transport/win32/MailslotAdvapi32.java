package dev.mailslot.transport.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.BOOLByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import org.jspecify.annotations.Nullable;

/**
 * The advapi32 calls that turn an SDDL string into a security descriptor and inspect its
 * DACL.
 */
interface MailslotAdvapi32 extends StdCallLibrary {

	/** {@code SDDL_REVISION_1}. */
	int SDDL_REVISION_1 = 1;

	static MailslotAdvapi32 load() {
		return Native.load("advapi32", MailslotAdvapi32.class, W32APIOptions.UNICODE_OPTIONS);
	}

	boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String sddl, int revision,
			PointerByReference securityDescriptor, @Nullable IntByReference size);

	boolean GetSecurityDescriptorDacl(Pointer securityDescriptor, BOOLByReference daclPresent, PointerByReference dacl,
			BOOLByReference daclDefaulted);

}
