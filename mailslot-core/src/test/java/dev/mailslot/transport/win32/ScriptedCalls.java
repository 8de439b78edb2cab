package dev.mailslot.transport.win32;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls made to a {@link ScriptedWin32Api}, by name and in order, and the error codes
 * a test scripts for them, with the last error of each thread as GetLastError keeps it.
 */
final class ScriptedCalls {

	final List<String> names = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Integer> failures = new HashMap<>();

	/** Calls that fail only the n-th time: the call's name, then n and the code. */
	private final Map<String, int[]> failuresOnce = new HashMap<>();

	private final Map<String, Integer> counts = new HashMap<>();

	private final ThreadLocal<Integer> lastError = ThreadLocal.withInitial(() -> 0);

	synchronized void fail(String call, int code) {
		this.failures.put(call, code);
	}

	synchronized void failOnce(String call, int nth, int code) {
		this.failuresOnce.put(call, new int[] { nth, code });
	}

	void record(String call) {
		this.names.add(call);
	}

	/**
	 * Record a call, and return whether it is scripted to fail this time, its code then
	 * set as the last error.
	 */
	synchronized boolean failed(String call) {
		record(call);
		int count = this.counts.merge(call, 1, Integer::sum);
		int[] once = this.failuresOnce.get(call);
		if (once != null && once[0] == count) {
			this.lastError.set(once[1]);
			return true;
		}
		Integer code = this.failures.get(call);
		if (code != null) {
			this.lastError.set(code);
			return true;
		}
		return false;
	}

	/**
	 * Set the last error, and return {@code false}, as a failed call does.
	 */
	boolean fail(int code) {
		this.lastError.set(code);
		return false;
	}

	int lastError() {
		return this.lastError.get();
	}

}
