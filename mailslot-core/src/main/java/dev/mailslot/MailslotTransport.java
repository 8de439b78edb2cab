package dev.mailslot;

/**
 * A way of carrying mailslot messages: {@code win32}, {@code posix}, {@code unix},
 * {@code memory} or {@code network}. Every transport keeps the contract of Windows
 * mailslots; get one from {@link MailslotTransports}.
 */
public interface MailslotTransport {

	/**
	 * Return the transport's id.
	 * @return the id, for example {@code posix}
	 */
	String id();

	/**
	 * Create a mailslot and return its server.
	 * @param options the name, sizes, timeout and platform options
	 * @return the server, open
	 * @throws MailslotNameInUseException if a live server owns the name
	 * @throws InvalidMailslotNameException if this transport cannot hold the name
	 * @throws SystemLimitException if an operating-system limit stops it
	 */
	MailslotServer createServer(MailslotServerOptions options);

	/**
	 * Open a client to an existing mailslot.
	 * @param name the mailslot to write to
	 * @return the client, open
	 * @throws NoSuchMailslotException if no server holds the name
	 * @throws InvalidMailslotNameException if this transport cannot carry the name
	 */
	MailslotClient openClient(MailslotName name);

	/**
	 * Load what the transport needs before its first mailslot, such as its native
	 * library, so that creating that mailslot later is quick. Does nothing by default.
	 */
	default void preload() {
	}

}
