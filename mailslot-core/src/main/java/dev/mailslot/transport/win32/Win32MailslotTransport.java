package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.Locale;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;

/**
 * Mailslots of kernel32: CreateMailslotW for servers, CreateFileW and WriteFile for
 * clients, on local, remote, domain and {@code *} names alike.
 * <p>
 * An inheritable server handle is asked for twice: in the SECURITY_ATTRIBUTES, as the
 * seed sample does, and with SetHandleInformation, because Wine's CreateMailslot ignores
 * {@code bInheritHandle}. A security descriptor must carry a DACL that is not NULL; one
 * that lets everyone in is refused.
 */
public final class Win32MailslotTransport implements MailslotTransport {

	static final String ID = "win32";

	private static volatile @Nullable Win32MailslotTransport instance;

	private final Win32Api api;

	private final Win32Errors errors;

	private final Duration closeWait;

	Win32MailslotTransport(Win32Api api) {
		this(api, Win32MailslotServer.CLOSE_WAIT);
	}

	/**
	 * Create the transport on an API.
	 * @param api the kernel32 calls
	 * @param closeWait how long a server's close waits for its reads before it leaves the
	 * handle to them; shorter in tests
	 */
	Win32MailslotTransport(Win32Api api, Duration closeWait) {
		this.api = api;
		this.errors = new Win32Errors(api);
		this.closeWait = closeWait;
	}

	static Win32MailslotTransport instance() {
		Win32MailslotTransport transport = instance;
		if (transport == null) {
			synchronized (Win32MailslotTransport.class) {
				transport = instance;
				if (transport == null) {
					transport = new Win32MailslotTransport(new JnaWin32Api());
					instance = transport;
				}
			}
		}
		return transport;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		MailslotName name = options.name();
		Pointer descriptor = securityDescriptor(options);
		try {
			WinBase.SECURITY_ATTRIBUTES attributes = null;
			if (options.inheritHandle() || descriptor != null) {
				attributes = new WinBase.SECURITY_ATTRIBUTES();
				attributes.bInheritHandle = options.inheritHandle();
				attributes.lpSecurityDescriptor = descriptor;
			}
			HANDLE handle = this.api.createMailslot(name.toString(), options.maxMessageSize(),
					(int) options.readTimeout().toWin32Millis(), attributes);
			if (handle == null || Win32Api.INVALID_HANDLE.equals(handle)) {
				throw this.errors.createFailure(name, this.api.lastError());
			}
			if (options.inheritHandle() && !this.api.makeInheritable(handle)) {
				int code = this.api.lastError();
				this.api.closeHandle(handle);
				throw this.errors.failure(name, "make the handle inheritable (SetHandleInformation) of", code);
			}
			HANDLE event = this.api.createEvent();
			if (event == null || Win32Api.INVALID_HANDLE.equals(event)) {
				int code = this.api.lastError();
				this.api.closeHandle(handle);
				throw this.errors.failure(name, "create the read event (CreateEventW) of", code);
			}
			HANDLE wakeEvent = this.api.createWakeEvent();
			if (wakeEvent == null || Win32Api.INVALID_HANDLE.equals(wakeEvent)) {
				int code = this.api.lastError();
				this.api.closeHandle(event);
				this.api.closeHandle(handle);
				throw this.errors.failure(name, "create the wake event (CreateEventW) of", code);
			}
			try {
				return new Win32MailslotServer(this.api, name, handle,
						new OverlappedReader(this.api, handle, event, wakeEvent), options.readTimeout(),
						this.closeWait);
			}
			catch (RuntimeException ex) {
				this.api.closeHandle(wakeEvent);
				this.api.closeHandle(event);
				this.api.closeHandle(handle);
				throw ex;
			}
		}
		finally {
			if (descriptor != null) {
				this.api.freeSecurityDescriptor(descriptor);
			}
		}
	}

	private @Nullable Pointer securityDescriptor(MailslotServerOptions options) {
		String sddl = options.securityDescriptor();
		if (sddl == null || sddl.isBlank()) {
			return null;
		}
		if (sddl.toUpperCase(Locale.ROOT).contains("NO_ACCESS_CONTROL")) {
			throw nullDacl(options, sddl);
		}
		Pointer descriptor = this.api.securityDescriptor(sddl);
		if (descriptor == null) {
			throw new MailslotException(options.name(),
					"Security descriptor '" + sddl + "' of mailslot " + options.name() + " is not valid SDDL ("
							+ this.errors.describe(this.api.lastError())
							+ "). Give one with a DACL, for example D:(A;;GA;;;SY)(A;;GA;;;OW)");
		}
		if (!this.api.hasNonNullDacl(descriptor)) {
			this.api.freeSecurityDescriptor(descriptor);
			throw nullDacl(options, sddl);
		}
		return descriptor;
	}

	private static MailslotException nullDacl(MailslotServerOptions options, String sddl) {
		return new MailslotException(options.name(), "Security descriptor '" + sddl + "' of mailslot " + options.name()
				+ " has no DACL, or a NULL DACL, which lets everyone in; refused. Give a DACL that names who may "
				+ "write, for example D:(A;;GA;;;SY)(A;;GA;;;OW)(A;;GW;;;AU)");
	}

	@Override
	public MailslotClient openClient(MailslotName name) {
		HANDLE handle = this.api.openForWriting(name.toString());
		if (handle == null || Win32Api.INVALID_HANDLE.equals(handle)) {
			throw this.errors.openFailure(name, this.api.lastError());
		}
		return new Win32MailslotClient(this.api, name, handle);
	}

}
