package dev.mailslot.transport.win32;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Win32Api} that plays one mailslot in memory and fails calls with the error codes a test
 * scripts, for the cases Wine never produces. It follows Windows: a too-small read fails with
 * ERROR_INSUFFICIENT_BUFFER and keeps the message.
 */
class ScriptedWin32Api implements Win32Api {

	static final HANDLE SERVER = new HANDLE(new Pointer(0x100));

	static final HANDLE CLIENT = new HANDLE(new Pointer(0x200));

	private final Deque<byte[]> messages = new ArrayDeque<>();

	private final Map<String, Integer> failures = new HashMap<>();

	/** Messages that arrive only once a read is waiting, as a writer's would. */
	private final Deque<byte[]> arrivingDuringRead = new ArrayDeque<>();

	final List<String> calls = new ArrayList<>();

	final List<Integer> readSizes = new ArrayList<>();

	private int lastError;

	private boolean blockReads;

	private final CountDownLatch cancelled = new CountDownLatch(1);

	boolean cancelWorks = true;

	@Nullable String lastSddl;

	boolean nullDacl;

	ScriptedWin32Api fail(String call, int code) {
		this.failures.put(call, code);
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

	ScriptedWin32Api blockReadsUntilCancelled() {
		this.blockReads = true;
		return this;
	}

	private synchronized boolean failed(String call) {
		this.calls.add(call);
		Integer code = this.failures.get(call);
		if (code != null) {
			this.lastError = code;
			return true;
		}
		return false;
	}

	@Override
	public HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes) {
		return failed("CreateMailslot") ? INVALID_HANDLE : SERVER;
	}

	@Override
	public boolean makeInheritable(HANDLE handle) {
		return !failed("SetHandleInformation");
	}

	@Override
	public synchronized boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize,
			IntByReference nextSize, IntByReference messageCount, IntByReference readTimeout) {
		if (failed("GetMailslotInfo")) {
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
		return !failed("SetMailslotInfo");
	}

	@Override
	public boolean readFile(HANDLE file, byte[] buffer, int size, IntByReference read) {
		if (failed("ReadFile")) {
			return false;
		}
		if (this.blockReads) {
			awaitCancel();
			return false;
		}
		synchronized (this) {
			this.readSizes.add(size);
			if (this.messages.isEmpty()) {
				this.messages.addAll(this.arrivingDuringRead);
				this.arrivingDuringRead.clear();
			}
			byte[] next = this.messages.peek();
			if (next == null) {
				this.lastError = Win32Errors.ERROR_SEM_TIMEOUT;
				return false;
			}
			if (next.length > size) {
				this.lastError = Win32Errors.ERROR_INSUFFICIENT_BUFFER;
				return false;
			}
			this.messages.poll();
			System.arraycopy(next, 0, buffer, 0, next.length);
			read.setValue(next.length);
			return true;
		}
	}

	private void awaitCancel() {
		try {
			this.cancelled.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			this.lastError = Win32Errors.ERROR_OPERATION_ABORTED;
		}
	}

	@Override
	public HANDLE openForWriting(String name) {
		return failed("CreateFile") ? INVALID_HANDLE : CLIENT;
	}

	@Override
	public boolean writeFile(HANDLE file, byte[] buffer, int size, IntByReference written) {
		if (failed("WriteFile")) {
			return false;
		}
		if (!this.cancelWorks) {
			this.cancelled.countDown();
		}
		written.setValue(size);
		return true;
	}

	@Override
	public boolean cancelIo(HANDLE file) {
		this.calls.add("CancelIoEx");
		if (this.cancelWorks) {
			this.cancelled.countDown();
		}
		return true;
	}

	@Override
	public boolean closeHandle(HANDLE handle) {
		this.calls.add("CloseHandle");
		return true;
	}

	@Override
	public @Nullable Pointer securityDescriptor(String sddl) {
		this.lastSddl = sddl;
		return failed("ConvertStringSecurityDescriptorToSecurityDescriptor") ? null : new Pointer(0x300);
	}

	@Override
	public boolean hasNonNullDacl(Pointer securityDescriptor) {
		return !this.nullDacl;
	}

	@Override
	public void freeSecurityDescriptor(Pointer securityDescriptor) {
		this.calls.add("LocalFree");
	}

	@Override
	public synchronized int lastError() {
		return this.lastError;
	}

	@Override
	public String errorText(int code) {
		return "text of " + code;
	}

}
