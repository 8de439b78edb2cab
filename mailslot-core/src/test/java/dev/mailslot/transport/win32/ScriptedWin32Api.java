package dev.mailslot.transport.win32;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Win32Api} that plays one mailslot in memory and fails calls with the error
 * codes a test scripts, for the cases Wine never produces; its reads and writes follow
 * Windows as {@link ScriptedOverlappedIo} says, and {@link #synchronousHandle()} plays
 * Wine's handle instead.
 */
class ScriptedWin32Api extends ScriptedOverlappedIo {

	static final HANDLE SERVER = new HANDLE(new Pointer(0x100));

	static final HANDLE CLIENT = new HANDLE(new Pointer(0x200));

	static final HANDLE EVENT = new HANDLE(new Pointer(0x400));

	static final HANDLE WAKE_EVENT = new HANDLE(new Pointer(0x500));

	/** The read timeouts given to CreateMailslot and SetMailslotInfo, in order. */
	final List<Integer> readTimeouts = Collections.synchronizedList(new ArrayList<>());

	final List<HANDLE> closedHandles = Collections.synchronizedList(new ArrayList<>());

	@Nullable String lastSddl;

	boolean nullDacl;

	ScriptedWin32Api fail(String call, int code) {
		this.script.fail(call, code);
		return this;
	}

	/**
	 * Fail a call the n-th time it is made (counting from 1), and only then.
	 */
	ScriptedWin32Api failOnce(String call, int nth, int code) {
		this.script.failOnce(call, nth, code);
		return this;
	}

	ScriptedWin32Api queued(byte[] message) {
		this.messages.add(message);
		return this;
	}

	ScriptedWin32Api arrivingDuringRead(byte[] message) {
		this.arrivingDuringRead.add(message);
		return this;
	}

	/**
	 * Let reads of an empty mailslot wait, as with a read timeout of {@code forever}.
	 */
	ScriptedWin32Api readsWait() {
		this.readsWait = true;
		return this;
	}

	/**
	 * Play Wine's synchronous server handle: ReadFile waits inside the call until a
	 * message is written, and CancelIoEx does not end it.
	 */
	ScriptedWin32Api synchronousHandle() {
		this.synchronous = true;
		return this.readsWait();
	}

	/**
	 * Let the pending read complete with the given message just before CancelIoEx reaches
	 * it, which then finds nothing to cancel (ERROR_NOT_FOUND).
	 */
	ScriptedWin32Api completingJustBeforeCancel(byte[] message) {
		this.completesBeforeCancel = true;
		this.arrivingDuringRead.add(message);
		return this.readsWait();
	}

	/**
	 * Leave a pending read pending when a message larger than its buffer arrives, the
	 * message queued behind it (the case Windows does not document; the other is
	 * ERROR_INSUFFICIENT_BUFFER).
	 */
	ScriptedWin32Api largerMessagesQueueBehindAPendingRead() {
		this.largerMessagesQueueBehindAPendingRead = true;
		return this.readsWait();
	}

	/**
	 * Let CancelIoEx succeed without ever completing the read it cancels.
	 */
	ScriptedWin32Api cancelsNeverComplete() {
		this.cancelsNeverComplete = true;
		return this.readsWait();
	}

	/**
	 * Run something as ReadFile is called, before the read is issued, once.
	 */
	ScriptedWin32Api beforeRead(Runnable action) {
		this.beforeRead = action;
		return this;
	}

	@Override
	public HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes) {
		this.readTimeouts.add(readTimeout);
		return this.script.failed("CreateMailslot") ? INVALID_HANDLE : SERVER;
	}

	@Override
	public boolean makeInheritable(HANDLE handle) {
		return !this.script.failed("SetHandleInformation");
	}

	@Override
	public synchronized boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout) {
		if (this.script.failed("GetMailslotInfo")) {
			return false;
		}
		maxMessageSize.setValue(0);
		nextSize.setValue(this.messages.isEmpty() ? MailslotKernel32.MAILSLOT_NO_MESSAGE : this.messages.peek().length);
		messageCount.setValue(this.messages.size());
		readTimeout.setValue(MailslotKernel32.MAILSLOT_WAIT_FOREVER);
		return true;
	}

	@Override
	public boolean setMailslotInfo(HANDLE mailslot, int readTimeout) {
		if (this.script.failed("SetMailslotInfo")) {
			return false;
		}
		this.readTimeouts.add(readTimeout);
		return true;
	}

	@Override
	public boolean isSynchronous(HANDLE handle) {
		return this.synchronous;
	}

	@Override
	public HANDLE createEvent() {
		return this.script.failed("CreateEvent") ? INVALID_HANDLE : EVENT;
	}

	@Override
	public HANDLE createWakeEvent() {
		return this.script.failed("CreateEvent(wake)") ? INVALID_HANDLE : WAKE_EVENT;
	}

	@Override
	public HANDLE openForWriting(String name) {
		return this.script.failed("CreateFile") ? INVALID_HANDLE : CLIENT;
	}

	@Override
	public boolean closeHandle(HANDLE handle) {
		this.script.record("CloseHandle");
		this.closedHandles.add(handle);
		return true;
	}

	@Override
	public @Nullable Pointer securityDescriptor(String sddl) {
		this.lastSddl = sddl;
		return this.script.failed("ConvertStringSecurityDescriptorToSecurityDescriptor") ? null : new Pointer(0x300);
	}

	@Override
	public boolean hasNonNullDacl(Pointer securityDescriptor) {
		return !this.nullDacl;
	}

	@Override
	public void freeSecurityDescriptor(Pointer securityDescriptor) {
		this.script.record("LocalFree");
	}

	@Override
	public int lastError() {
		return this.script.lastError();
	}

	@Override
	public String errorText(int code) {
		return "text of " + code;
	}

}
