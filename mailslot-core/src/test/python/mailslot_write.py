"""Write messages to a mailslot of the posix transport from Python, with ctypes only.

    python3 mailslot_write.py '\\.\mailslot\sample_mailslot' 'Message one for mailslot.' ...
"""
import ctypes
import ctypes.util
import os
import sys


def queue_name(mailslot):
    """Map a mailslot name to its queue name, as the posix transport documents."""
    prefix = "\\\\.\\mailslot\\"
    if mailslot.lower().startswith(prefix):
        mailslot = mailslot[len(prefix):]
    encoded = "".join(
        chr(b) if 0x21 <= b <= 0x7E and chr(b) not in "%\\/" else "%%%02X" % b
        for b in mailslot.lower().encode("utf-8"))
    return "/mailslot." + encoded


def main(mailslot, messages):
    rt = ctypes.CDLL(ctypes.util.find_library("rt") or "libc.so.6", use_errno=True)
    slot = rt.mq_open(queue_name(mailslot).encode("ascii"), os.O_WRONLY)
    if slot < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno), queue_name(mailslot))
    for message in messages:
        data = message.encode("utf-8")
        if rt.mq_send(slot, data, ctypes.c_size_t(len(data)), 0) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))
    rt.mq_close(slot)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
