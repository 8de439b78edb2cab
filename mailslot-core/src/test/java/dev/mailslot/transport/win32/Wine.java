package dev.mailslot.transport.win32;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Tells whether this Windows is Wine: Wine's ntdll exports {@code wine_get_version}.
 */
final class Wine {

	private Wine() {
	}

	static boolean isRunning() {
		if (!Platform.isWindows()) {
			return false;
		}
		try {
			NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
			return true;
		}
		catch (UnsatisfiedLinkError ex) {
			return false;
		}
	}

}
