package dev.mailslot.transport.posix;

/**
 * What {@code statx} says of an open descriptor: its identity, its link count and its
 * mode.
 *
 * @param devMajor major number of the device that holds the file
 * @param devMinor minor number of the device that holds the file
 * @param inode inode number
 * @param links number of names the file has; 0 once a queue is unlinked
 * @param mode file type and permission bits
 * @param uid the owner's user id
 */
record FileStatus(int devMajor, int devMinor, long inode, int links, int mode, int uid) {

	/**
	 * Return whether this status and another are of the same file.
	 * @param other the other status
	 * @return whether device and inode match
	 */
	boolean isSameFile(FileStatus other) {
		return this.inode == other.inode && this.devMajor == other.devMajor && this.devMinor == other.devMinor;
	}

	/**
	 * Return the status of an open descriptor.
	 * @param fd the descriptor
	 * @return the status
	 * @throws IllegalStateException if statx fails, which it does only for a bad
	 * descriptor
	 */
	static FileStatus of(int fd) {
		try (NativeMemory buffer = LibC.allocate(LibC.STATX_SIZE)) {
			int mask = LibC.STATX_INO | LibC.STATX_NLINK | LibC.STATX_MODE | LibC.STATX_UID;
			if (LibC.statx(fd, "", LibC.AT_EMPTY_PATH, mask, buffer) != 0) {
				throw new IllegalStateException("statx of descriptor " + fd + ": " + LibC.describe(LibC.errno()));
			}
			return new FileStatus(buffer.getInt(LibC.STATX_DEV_MAJOR_OFFSET),
					buffer.getInt(LibC.STATX_DEV_MINOR_OFFSET), buffer.getLong(LibC.STATX_INO_OFFSET),
					buffer.getInt(LibC.STATX_NLINK_OFFSET), buffer.getShort(LibC.STATX_MODE_OFFSET) & 0xFFFF,
					buffer.getInt(LibC.STATX_UID_OFFSET));
		}
	}

}
