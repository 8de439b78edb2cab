package dev.mailslot;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A mailslot name: {@code \\.\mailslot\[path\]name} on this host,
 * {@code \\HOST\mailslot\...} on one remote host, {@code \\DOMAIN\mailslot\...} on every
 * host of a domain or workgroup, and {@code \\*\mailslot\...} on every host of the
 * primary domain. A bare {@code name} (or {@code path\name}) is the local form.
 * <p>
 * Names compare case-insensitively, as Windows compares them. A host and a domain cannot
 * be told apart by their syntax; both have the scope {@link Scope#REMOTE}.
 */
public final class MailslotName {

	/** Longest name Windows accepts: MAX_PATH less the terminating NUL. */
	public static final int MAX_LENGTH = 259;

	private static final String MAILSLOT = "mailslot";

	private static final String FORBIDDEN_CHARACTERS = "<>:\"/|?*";

	private final String host;

	private final String path;

	private final String canonicalPath;

	private MailslotName(String host, String path) {
		this.host = host;
		this.path = path;
		this.canonicalPath = path.toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse a mailslot name.
	 * @param text the name, in one of the forms described on this class
	 * @return the parsed name
	 * @throws InvalidMailslotNameException if the text is not a mailslot name; the
	 * message names the bad part
	 */
	public static MailslotName parse(String text) {
		if (text == null || text.isBlank()) {
			throw invalid(String.valueOf(text), "a mailslot name must not be empty; use a name such as "
					+ "\\\\.\\mailslot\\orders or just orders");
		}
		if (!text.startsWith("\\")) {
			return create(text, ".", text);
		}
		if (!text.startsWith("\\\\")) {
			throw invalid(text, "a name that starts with a backslash must start with two (\\\\.\\mailslot\\name), "
					+ "or use the bare form (name)");
		}
		int hostEnd = text.indexOf('\\', 2);
		if (hostEnd < 0) {
			throw invalid(text, "the name has a host part but no '\\mailslot\\' after it");
		}
		String host = text.substring(2, hostEnd);
		int mailslotEnd = text.indexOf('\\', hostEnd + 1);
		String keyword = (mailslotEnd < 0) ? text.substring(hostEnd + 1) : text.substring(hostEnd + 1, mailslotEnd);
		if (!MAILSLOT.equalsIgnoreCase(keyword)) {
			throw invalid(text, "expected 'mailslot' after the host '\\\\" + host + "\\' but found '" + keyword + "'");
		}
		String path = (mailslotEnd < 0) ? "" : text.substring(mailslotEnd + 1);
		return create(text, host, path);
	}

	/**
	 * Return the local name {@code \\.\mailslot\path}.
	 * @param path the path below {@code \mailslot\}, for example {@code orders} or
	 * {@code app\orders}
	 * @return the local name
	 * @throws InvalidMailslotNameException if the path is not valid
	 */
	public static MailslotName local(String path) {
		return create(String.valueOf(path), ".", path);
	}

	private static MailslotName create(String text, String host, String path) {
		validateHost(text, host);
		validatePath(text, path);
		MailslotName name = new MailslotName(host, path);
		if (name.toString().length() > MAX_LENGTH) {
			throw invalid(text, "the name has " + name.toString().length() + " characters, more than the " + MAX_LENGTH
					+ " Windows allows; shorten the path");
		}
		return name;
	}

	private static void validateHost(String text, String host) {
		if (host.isEmpty()) {
			throw invalid(text, "the host part between '\\\\' and '\\mailslot' is empty; use '.' for this host");
		}
		if (host.equals(".") || host.equals("*")) {
			return;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c <= ' ' || FORBIDDEN_CHARACTERS.indexOf(c) >= 0 || isUnpairedSurrogate(host, i)) {
				throw invalid(text,
						"the host part '" + host + "' contains " + describe(c) + "; a host or domain name may not");
			}
		}
	}

	private static void validatePath(String text, String path) {
		if (path.isEmpty()) {
			throw invalid(text, "the name below \\mailslot\\ is missing; add one, as in \\\\.\\mailslot\\orders");
		}
		String[] segments = path.split("\\\\", -1);
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw invalid(text, "the path '" + path + "' has an empty part (a leading, trailing or doubled "
						+ "backslash); separate parts with single backslashes");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw invalid(text, "the path '" + path + "' has the part '" + segment + "', which is not allowed");
			}
			char last = segment.charAt(segment.length() - 1);
			if (last == '.' || last == ' ') {
				throw invalid(text,
						"the part '" + segment + "' of the path ends with " + describe(last)
								+ ", which Windows strips from each part of a name, so that it would name the same "
								+ "mailslot as '" + segment.stripTrailing().replaceAll("[. ]+$", "") + "'; remove it");
			}
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				if (isUnpairedSurrogate(segment, i)) {
					throw invalid(text,
							"the part '" + segment + "' of the path contains the unpaired surrogate "
									+ String.format("U+%04X", (int) c) + ", which is half a character and not text; "
									+ "give whole characters");
				}
				if (c < ' ' || FORBIDDEN_CHARACTERS.indexOf(c) >= 0) {
					String hint = (c == '/') ? "; separate parts with '\\'" : "";
					throw invalid(text, "the part '" + segment + "' of the path contains " + describe(c)
							+ ", which is not allowed in a mailslot name" + hint);
				}
			}
		}
	}

	/**
	 * Return whether the char at {@code i} is half of a surrogate pair whose other half
	 * is missing: such a string encodes to a replacement character, so two different
	 * names would map to one.
	 */
	private static boolean isUnpairedSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
		}
		return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
	}

	private static String describe(char c) {
		return (c <= ' ' || Character.isSurrogate(c)) ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
	}

	private static InvalidMailslotNameException invalid(String text, String reason) {
		return new InvalidMailslotNameException(text, "Invalid mailslot name '" + text + "': " + reason);
	}

	/**
	 * Return the host part: {@code .} for this host, {@code *} for the primary domain,
	 * else the host or domain name as given.
	 * @return the host part
	 */
	public String host() {
		return this.host;
	}

	/**
	 * Return the path below {@code \mailslot\}, with its case as given.
	 * @return the path, for example {@code app\orders}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the path below {@code \mailslot\} in lower case: equal for names that
	 * Windows treats as one.
	 * @return the canonical path
	 */
	public String canonicalPath() {
		return this.canonicalPath;
	}

	/**
	 * Return where a message written to this name goes.
	 * @return the scope
	 */
	public Scope scope() {
		if (this.host.equals(".")) {
			return Scope.LOCAL;
		}
		return this.host.equals("*") ? Scope.PRIMARY_DOMAIN : Scope.REMOTE;
	}

	/**
	 * Return whether this names a mailslot on this host, the only kind a server can
	 * create.
	 * @return whether the scope is {@link Scope#LOCAL}
	 */
	public boolean isLocal() {
		return scope() == Scope.LOCAL;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof MailslotName other) && this.host.equalsIgnoreCase(other.host)
				&& this.canonicalPath.equals(other.canonicalPath);
	}

	@Override
	public int hashCode() {
		return 31 * this.host.toLowerCase(Locale.ROOT).hashCode() + this.canonicalPath.hashCode();
	}

	/**
	 * Return the full name, {@code \\host\mailslot\path}.
	 */
	@Override
	public String toString() {
		return "\\\\" + this.host + "\\mailslot\\" + this.path;
	}

	/**
	 * Where a message written to a name goes.
	 */
	public enum Scope {

		/** This host: {@code \\.\mailslot\...}. */
		LOCAL,

		/**
		 * One remote host, or every host of a named domain: {@code \\NAME\mailslot\...}.
		 */
		REMOTE,

		/** Every host of the primary domain: {@code \\*\mailslot\...}. */
		PRIMARY_DOMAIN

	}

}
